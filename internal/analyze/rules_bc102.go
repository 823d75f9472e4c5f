package analyze

import (
	"fmt"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleBC102 = &Rule{
	Code:     "BC102",
	Name:     "rename-table",
	Severity: High,
	Title:    "Existing table renamed",
	Run:      runBC102,
}

func runBC102(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err != nil {
			return
		}
		report := func(from, to string) {
			p.ReportAt(r.Op.Span, "rename-table "+from+" "+to+" "+r.Op.Text,
				fmt.Sprintf("Renaming table `%s` to `%s` breaks the code that is still deployed: until the new release is everywhere, its queries name `%s` and fail with error 1146 (table doesn't exist).", from, to, from),
				fmt.Sprintf("Deploy code that works with both names first, or keep the old name alive after the rename with `CREATE VIEW %s AS SELECT * FROM %s` (simple views are updatable) and drop the view once no deployed code uses `%s`.", schema.QuoteIdent(from), schema.QuoteIdent(to), from))
		}
		switch c := r.Op.Change.(type) {
		case *schema.RenameTable:
			for _, pr := range c.Pairs {
				if Existing(r, pr.From) {
					report(pr.From, pr.To)
				}
			}
		case *schema.AlterTable:
			if !Existing(r, c.Table) {
				return
			}
			for _, s := range c.Specs {
				if rt, ok := s.(*schema.RenameTo); ok {
					report(c.Table, rt.Name)
				}
			}
		}
	})
	return nil
}
