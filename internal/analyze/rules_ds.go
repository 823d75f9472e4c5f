package analyze

import (
	"fmt"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleDS101 = &Rule{
	Code:     "DS101",
	Name:     "drop-table",
	Severity: Critical,
	Title:    "Existing table dropped",
	Run:      runDS101,
}

func runDS101(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		dt, ok := r.Op.Change.(*schema.DropTable)
		if !ok || r.Err != nil {
			return
		}
		for _, name := range dt.Names {
			if !Existing(r, name) {
				continue
			}
			p.ReportAt(r.Op.Span, "drop "+name+" "+r.Op.Text,
				fmt.Sprintf("Dropping table `%s` deletes every row it holds; a rollback can recreate the table but not the data, and the deployed code still queries it (error 1146).", name),
				fmt.Sprintf("Stop using `%s` in a release first, back it up (`mysqldump --single-transaction <db> %s > %s.sql`), and drop it in a later migration; or rename it aside and drop it after a grace period.", name, name, name))
		}
	})
	return nil
}

var ruleDS102 = &Rule{
	Code:     "DS102",
	Name:     "drop-column",
	Severity: High,
	Title:    "Column dropped from an existing table",
	Run:      runDS102,
}

func runDS102(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		table, specs := Specs(r.Op.Change)
		if table == "" || r.Err != nil || !Existing(r, table) {
			return
		}
		for _, s := range specs {
			dc, ok := s.(*schema.DropColumn)
			if !ok || r.Before.Table(table).Column(dc.Name) == nil {
				continue
			}
			f := Finding{Subject: "drop " + dc.Name + " " + r.Op.Text}
			span := r.Op.AttrSpan("column:" + dc.Name)
			f.Path, f.Line, f.EndLine = span.Path, span.Line, span.EndLine
			f.Message = fmt.Sprintf("Dropping `%s.%s` deletes its data for good; a rollback can add the column back but not its values.", table, dc.Name)
			f.Advice = fmt.Sprintf("Back up the column first (`mysqldump --single-transaction <db> %s > %s.sql`) and drop it only after a release that no longer reads or writes it.", table, table)
			if m, a := p.modelColumn(table, dc.Name); m != nil {
				f.Severity = Critical
				f.Message += fmt.Sprintf(" Model `%s` still declares it (attribute `%s`), so every query through the model fails with error 1054 once this runs.", m.Name, a.Name)
				f.Advice = fmt.Sprintf("Remove `%s` from model `%s` and deploy that first; drop the column in a later migration.", a.Name, m.Name)
			}
			p.Report(f)
		}
	})
	return nil
}
