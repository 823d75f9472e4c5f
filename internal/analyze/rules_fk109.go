package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleFK109 = &Rule{
	Code:     "FK109",
	Name:     "fk-inline-references-ignored",
	Severity: High,
	Title:    "Column-level REFERENCES creates no foreign key before MySQL 9.0",
	Run:      runFK109,
}

// runFK109 reports column-level REFERENCES clauses, which MySQL 8.x parses
// and silently ignores: the author believes a constraint exists.
func runFK109(p *Pass) error {
	if schema.InlineReferencesEnforced(p.Settings.MySQLVersion) {
		return nil
	}
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Op.Change == nil {
			return
		}
		for _, a := range addedFKs(r.Op.Change) {
			if !a.FK.Inline {
				continue
			}
			span, key := FKSpan(r.Op, a.FK)
			col := a.FK.Columns[0]
			p.ReportAt(span, "inline "+key+" "+r.Op.Text,
				fmt.Sprintf("`%s.%s … REFERENCES %s (%s)` is a column-level reference, which MySQL 8 parses and ignores: no foreign key is created, so nothing stops orphan rows and no ON DELETE rule applies.", a.Table, col, a.FK.RefTable, strings.Join(a.FK.RefColumns, ", ")),
				fmt.Sprintf("Declare it as a table-level constraint: `CONSTRAINT %s_%s_fk FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE … ON UPDATE …`.", a.Table, col, col, a.FK.RefTable, strings.Join(a.FK.RefColumns, ", ")))
		}
	})
	return nil
}
