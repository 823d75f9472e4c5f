package analyze

import (
	"fmt"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleBC101 = &Rule{
	Code:     "BC101",
	Name:     "rename-column",
	Severity: High,
	Title:    "Column renamed on an existing table",
	Run:      runBC101,
}

func runBC101(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		table, specs := Specs(r.Op.Change)
		if table == "" || !Existing(r, table) {
			return
		}
		for _, s := range specs {
			from, to := "", ""
			switch s := s.(type) {
			case *schema.RenameColumn:
				from, to = s.From, s.To
			case *schema.ModifyColumn:
				if s.Column != nil && !equalFold(s.Name, s.Column.Name) {
					from, to = s.Name, s.Column.Name
				}
			}
			if from == "" {
				continue
			}
			span := r.Op.AttrSpan("column:" + to)
			p.ReportAt(span, "rename "+from+" "+to+" "+r.Op.Text,
				fmt.Sprintf("Renaming `%s.%s` to `%s` breaks the code that is still deployed: until the new release is everywhere, its queries name `%s` and fail with error 1054.", table, from, to, from),
				fmt.Sprintf("Expand and contract instead: add `%s`, write to both columns, backfill `%s` from `%s`, switch reads to `%s`, and drop `%s` in a later release.", to, to, from, to, from))
		}
	})
	return nil
}

var ruleBC103 = &Rule{
	Code:     "BC103",
	Name:     "not-null-without-default",
	Severity: High,
	Title:    "NOT NULL column without a default added to an existing table",
	Run:      runBC103,
}

func runBC103(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		table, specs := Specs(r.Op.Change)
		if table == "" || !Existing(r, table) {
			return
		}
		for _, s := range specs {
			ac, ok := s.(*schema.AddColumn)
			if !ok || ac.Column == nil {
				continue
			}
			c := ac.Column
			if c.Nullable || c.Default != nil || c.AutoIncrement || c.Generated != nil {
				continue
			}
			span := ColumnSpan(r.Op, c.Name)
			msg := fmt.Sprintf("Column `%s.%s` is added as NOT NULL without a default to a table that already holds rows: the deployed code does not set it, so its INSERTs fail with error 1364 (Field doesn't have a default value) in strict mode.", table, c.Name)
			if temporal(c.Type.Base) {
				msg += fmt.Sprintf(" Worse, for a %s column the ALTER itself fails on a populated table in strict mode, because the implicit value is the zero date.", c.Type.Base)
			} else {
				msg += fmt.Sprintf(" Existing rows get the implicit value %s.", implicitValue(c.Type))
			}
			p.ReportAt(span, "column:"+c.Name+" "+r.Op.Text, msg,
				fmt.Sprintf("Add `%s` as NULL (or with a DEFAULT), deploy code that writes it, backfill in batches, then make it NOT NULL in a later migration.", c.Name))
		}
	})
	return nil
}

func temporal(base string) bool {
	switch base {
	case "date", "datetime", "timestamp":
		return true
	}
	return false
}

// implicitValue is what MySQL fills existing rows with for a NOT NULL
// column that has no default.
func implicitValue(t schema.Type) string {
	switch t.Base {
	case "tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double", "bit", "year":
		return "0"
	case "enum":
		if len(t.Values) > 0 {
			return "'" + t.Values[0] + "' (the first ENUM value)"
		}
	case "json":
		return "JSON null"
	case "time":
		return "'00:00:00'"
	}
	return "'' (the empty string)"
}

func equalFold(a, b string) bool {
	return len(a) == len(b) && (a == b || lower(a) == lower(b))
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
