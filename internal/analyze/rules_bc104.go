package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleBC104 = &Rule{
	Code:     "BC104",
	Name:     "set-not-null-without-backfill",
	Severity: High,
	Title:    "Column made NOT NULL without a backfill of its NULLs",
	Run:      runBC104,
}

func runBC104(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		table, specs := Specs(r.Op.Change)
		if table == "" || r.Err != nil || !Existing(r, table) {
			return
		}
		for _, s := range specs {
			mc, ok := s.(*schema.ModifyColumn)
			if !ok || mc.Column == nil || mc.Column.Nullable {
				continue
			}
			old := r.Before.Table(table).Column(mc.Name)
			if old == nil || !old.Nullable || p.backfilled(st, r, table, old.Name) {
				continue
			}
			how := "MODIFY … NOT NULL"
			if r.Op.Origin == "sequelize.changeColumn" {
				how = "changeColumn with allowNull: false"
			}
			p.ReportAt(ColumnSpan(r.Op, mc.Column.Name), "bc104 "+old.Name+" "+r.Op.Text,
				fmt.Sprintf("`%s.%s` becomes NOT NULL (%s) but no earlier statement backfills its NULLs: if any row still holds NULL, the ALTER fails with error 1138 (Invalid use of NULL value) in strict mode, or silently turns the NULLs into %s otherwise.", table, old.Name, how, implicitValue(mc.Column.Type)),
				fmt.Sprintf("Backfill first, in batches: `UPDATE %s SET %s = <value> WHERE %s IS NULL LIMIT 1000` until no row changes (in this or an earlier migration), and make sure the deployed code no longer writes NULL; then make the column NOT NULL.", schema.QuoteIdent(table), schema.QuoteIdent(old.Name), schema.QuoteIdent(old.Name)))
		}
	})
	return nil
}

// backfilled reports whether an UPDATE that sets table.column runs before r:
// earlier in the same migration, or in an earlier judged migration.
func (p *Pass) backfilled(cur *replay.Step, r *replay.OpResult, table, column string) bool {
	sets := func(or *replay.OpResult) bool {
		u, ok := or.Op.Change.(*schema.Update)
		if !ok || or.Err != nil || u.Table != table {
			return false
		}
		for _, c := range u.Columns {
			if strings.EqualFold(c, column) {
				return true
			}
		}
		return false
	}
	for _, st := range p.Steps {
		if st != cur && !st.Judged {
			continue
		}
		for i := range st.Up {
			if &st.Up[i] == r {
				return false
			}
			if sets(&st.Up[i]) {
				return true
			}
		}
		if st == cur {
			return false
		}
	}
	return false
}
