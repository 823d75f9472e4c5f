package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleDS105 = &Rule{
	Code:     "DS105",
	Name:     "unbounded-delete",
	Severity: Critical,
	Title:    "Every row of an existing table deleted",
	Run:      runDS105,
}

func runDS105(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err != nil {
			return
		}
		var table, what string
		switch c := r.Op.Change.(type) {
		case *schema.Truncate:
			table, what = c.Table, "TRUNCATE"
		case *schema.Delete:
			if c.HasWhere {
				return
			}
			table, what = c.Table, "DELETE without WHERE"
			if strings.HasPrefix(r.Op.Origin, "sequelize.") && r.Op.Origin != "sequelize.query" {
				what = "`queryInterface." + strings.TrimPrefix(r.Op.Origin, "sequelize.") + "` with an empty where"
			}
			if c.HasLimit {
				what += " (only a LIMIT, so arbitrary rows)"
			}
		default:
			return
		}
		if !Existing(r, table) {
			return
		}
		p.ReportAt(r.Op.Span, "ds105 "+r.Op.Text,
			fmt.Sprintf("%s deletes the rows of existing table `%s`: production data is gone for good, and the rollback cannot bring it back.", what, table),
			fmt.Sprintf("If only some rows must go, add a WHERE that selects them (and batch it); if the table really must be emptied, back it up first (`mysqldump --single-transaction <db> %s > %s.sql`) and do it as a reviewed one-off, not in a migration.", table, table))
	})
	return nil
}
