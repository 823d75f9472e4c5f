package analyze

import (
	"fmt"
	"path"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleRB101 = &Rule{
	Code:     "RB101",
	Name:     "rollback-missing",
	Severity: Critical,
	Title:    "Migration has no rollback",
	Run:      runRB101,
}

func runRB101(p *Pass) error {
	for _, st := range p.Judged() {
		m := st.Migration
		if m.HasDown || len(m.Problems) > 0 {
			continue
		}
		span := ir.Span{Path: m.Path, Line: 1, EndLine: 1}
		if len(m.Up) > 0 && m.Up[0].Span.Path == m.Path {
			span = ir.Span{Path: m.Path, Line: m.Up[0].Span.Line, EndLine: m.Up[0].Span.Line}
		}
		p.ReportAt(span, "rollback-missing "+m.Path,
			fmt.Sprintf("Migration `%s` has no rollback: if the deploy goes wrong there is no tested way back, only a restore from backup.", path.Base(m.Path)),
			rollbackAdvice(m))
	}
	return nil
}

func rollbackAdvice(m *ir.Migration) string {
	base := path.Base(m.Path)
	switch m.Convention {
	case "golang-migrate", "popx":
		return fmt.Sprintf("Add `%s` that undoes every statement of the up file, in reverse order.", strings.Replace(base, ".up.sql", ".down.sql", 1))
	case "rollback-pair":
		return fmt.Sprintf("Add `%s_ROLLBACK.sql` that undoes every statement, in reverse order.", strings.TrimSuffix(base, path.Ext(base)))
	case "dbmate":
		return "Add a `-- migrate:down` section that undoes every statement, in reverse order."
	case "goose":
		return "Add a `-- +goose Down` section that undoes every statement, in reverse order."
	case "sql-migrate":
		return "Add a `-- +migrate Down` section that undoes every statement, in reverse order."
	case "flyway":
		return fmt.Sprintf("Add the undo file `U%s` that reverses it.", strings.TrimPrefix(base, "V"))
	case "folder":
		return "Add `down.sql` beside `up.sql` that undoes every statement, in reverse order."
	case "sequelize-cli", "umzug":
		return "Export a `down` function that reverses every call of `up`, in reverse order (dropTable for createTable, removeColumn for addColumn…)."
	}
	return "Add a rollback that undoes every statement, in reverse order."
}

var ruleRB102 = &Rule{
	Code:     "RB102",
	Name:     "rollback-empty",
	Severity: Critical,
	Title:    "Rollback performs no schema operation",
	Run:      runRB102,
}

func runRB102(p *Pass) error {
	for _, st := range p.Judged() {
		m := st.Migration
		if !m.HasDown || !hasSchemaChange(m.Up) {
			continue
		}
		empty := true
		for _, op := range m.Down {
			if op.NotAnalyzed != "" || op.Change != nil && !isOther(op.Change) {
				empty = false
				break
			}
		}
		if !empty {
			continue
		}
		span := m.DownSpan
		if !span.Valid() {
			span = ir.Span{Path: firstNonEmpty(m.DownPath, m.Path), Line: 1, EndLine: 1}
		}
		p.ReportAt(span, "rollback-empty "+m.Path,
			fmt.Sprintf("The rollback of `%s` performs no schema operation, while its up changes the schema: rolling back would report success and leave every change in place.", path.Base(m.Path)),
			"Write the statements that undo the up, in reverse order; if the migration truly cannot be undone, say so with `guardian:ignore RB102 <reason>`.")
	}
	return nil
}

func hasSchemaChange(ops []ir.Op) bool {
	for _, op := range ops {
		switch op.Change.(type) {
		case *schema.CreateTable, *schema.DropTable, *schema.RenameTable, *schema.AlterTable:
			return true
		}
	}
	return false
}

func isOther(c schema.Change) bool {
	_, ok := c.(*schema.Other)
	return ok
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// downUnclear reports whether the rollback could not be fully interpreted
// or failed; then its leftovers are not trustworthy.
func downUnclear(st *replay.Step) bool {
	for _, r := range st.Down {
		if r.Err != nil || r.Op.NotAnalyzed != "" {
			return true
		}
	}
	for _, r := range st.Up {
		if r.Err != nil || r.Op.NotAnalyzed != "" {
			return true
		}
	}
	return false
}

var ruleRB103 = &Rule{
	Code:     "RB103",
	Name:     "rollback-incomplete",
	Severity: Critical,
	Title:    "Rollback does not restore the schema",
	Run:      runRB103,
}

func runRB103(p *Pass) error {
	for _, st := range p.Judged() {
		if !st.Migration.HasDown || len(st.Leftover) == 0 || downUnclear(st) || isEmptyDown(st.Migration) {
			continue
		}
		var items []string
		for _, d := range st.Leftover {
			items = append(items, describeDiff(d))
		}
		m := st.Migration
		span := m.DownSpan
		if !span.Valid() {
			span = ir.Span{Path: firstNonEmpty(m.DownPath, m.Path), Line: 1, EndLine: 1}
		}
		p.ReportAt(span, "rollback-incomplete "+m.Path+" "+strings.Join(items, "; "),
			fmt.Sprintf("Replaying up then down on `%s` does not return the schema to its state before up: %s.", path.Base(m.Path), strings.Join(items, "; ")),
			"Make the down undo every change of the up, in reverse order.")
	}
	return nil
}

// isEmptyDown is RB102's case; RB103 stays quiet there.
func isEmptyDown(m *ir.Migration) bool {
	for _, op := range m.Down {
		if op.Change != nil && !isOther(op.Change) {
			return false
		}
	}
	return true
}

// describeDiff phrases a schema difference between the state before up
// (first) and after down (second).
func describeDiff(d schema.Difference) string {
	obj := d.Kind + " `" + d.Table + "`"
	if d.Name != "" {
		obj = d.Kind + " `" + d.Table + "." + d.Name + "`"
		if d.Kind == "index" || d.Kind == "foreign key" || d.Kind == "check" || d.Kind == "option" {
			obj = d.Kind + " `" + d.Name + "` on `" + d.Table + "`"
		}
	}
	switch d.Change {
	case "missing":
		return obj + " is gone after rollback"
	case "extra":
		return obj + " is left behind"
	}
	if d.Before != "" || d.After != "" {
		return fmt.Sprintf("%s is `%s` instead of `%s`", obj, d.After, d.Before)
	}
	return obj + " differs"
}

var ruleRB104 = &Rule{
	Code:     "RB104",
	Name:     "rollback-fails",
	Severity: Critical,
	Title:    "Rollback would fail on MySQL",
	Run:      runRB104,
}

func runRB104(p *Pass) error {
	for _, st := range p.Judged() {
		if upFailed(st) {
			continue
		}
		// MySQL stops at the first failing statement.
		if r := firstFailure(st.Down); r != nil {
			p.ReportAt(r.Op.Span, r.Op.Text,
				fmt.Sprintf("This rollback statement fails after the up has run: error %d (%s): %s.", r.Err.Code, r.Err.Name, r.Err.Message),
				rbAdvice(r.Err.Code))
		}
	}
	return nil
}

func upFailed(st *replay.Step) bool { return firstFailure(st.Up) != nil }

// firstFailure returns the first op that failed, or nil.
func firstFailure(rs []replay.OpResult) *replay.OpResult {
	for i := range rs {
		if rs[i].Err != nil {
			return &rs[i]
		}
	}
	return nil
}

func rbAdvice(code int) string {
	switch code {
	case 3730:
		return "Drop the child table, or its foreign key, before the parent table: undo the up in reverse order."
	case 1553:
		return "Drop the foreign key that needs this index first, or keep the index."
	case 1051, 1091, 1146, 1054:
		return "The rollback touches something the up did not create: undo exactly what the up did."
	}
	return "Reorder or fix the rollback so that it applies to the schema the up leaves."
}

var ruleRB105 = &Rule{
	Code:     "RB105",
	Name:     "reapply-fails",
	Severity: High,
	Title:    "Migration cannot be re-applied after its rollback",
	Run:      runRB105,
}

func runRB105(p *Pass) error {
	for _, st := range p.Judged() {
		if !st.Migration.HasDown || upFailed(st) || len(st.Reapply) == 0 {
			continue
		}
		if firstFailure(st.Down) != nil {
			continue // RB104 says why
		}
		if r := firstFailure(st.Reapply); r != nil {
			p.ReportAt(r.Op.Span, "reapply "+r.Op.Text,
				fmt.Sprintf("After rolling back, running this migration again fails here with error %d (%s): %s.", r.Err.Code, r.Err.Name, r.Err.Message),
				"Make the down remove everything the up creates, so that up → down → up works (deploy, roll back, deploy again).")
			continue
		}
		if len(st.ReapplyDiff) > 0 {
			var items []string
			for _, d := range st.ReapplyDiff {
				items = append(items, describeReapply(d))
			}
			m := st.Migration
			p.ReportAt(ir.Span{Path: m.Path, Line: 1, EndLine: 1}, "reapply-diff "+m.Path,
				fmt.Sprintf("Running `%s` again after its rollback gives a different schema than the first run: %s.", path.Base(m.Path), strings.Join(items, "; ")),
				"Make up → down → up give the same schema as the first up (avoid IF NOT EXISTS over leftovers of an incomplete down).")
		}
	}
	return nil
}

func describeReapply(d schema.Difference) string {
	s := describeDiff(d)
	s = strings.Replace(s, "is gone after rollback", "is missing the second time", 1)
	return strings.Replace(s, "is left behind", "appears only the second time", 1)
}
