package analyze

import (
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// AddedFK is a foreign key an operation adds, with where it is declared.
type AddedFK struct {
	Table string
	FK    *schema.ForeignKey
}

// AddedFKs lists the foreign keys a change adds: in CREATE TABLE, in ADD
// [CONSTRAINT] FOREIGN KEY, and in the keys of added or modified columns.
// Column-level REFERENCES clauses (ForeignKey.Inline) are left out: MySQL
// before 9.0 ignores them, and FK109 reports them instead.
func AddedFKs(c schema.Change) []AddedFK {
	all := addedFKs(c)
	out := all[:0]
	for _, a := range all {
		if !a.FK.Inline {
			out = append(out, a)
		}
	}
	return out
}

func addedFKs(c schema.Change) []AddedFK {
	var out []AddedFK
	switch c := c.(type) {
	case *schema.CreateTable:
		if c.Table != nil {
			for _, fk := range c.Table.ForeignKeys {
				out = append(out, AddedFK{c.Table.Name, fk})
			}
		}
	case *schema.AlterTable:
		var walk func(specs []schema.AlterSpec)
		walk = func(specs []schema.AlterSpec) {
			for _, s := range specs {
				switch s := s.(type) {
				case *schema.AddForeignKey:
					out = append(out, AddedFK{c.Table, s.ForeignKey})
				case *schema.AddColumn:
					walk(s.Inline)
				case *schema.ModifyColumn:
					walk(s.Inline)
				}
			}
		}
		walk(c.Specs)
	}
	return out
}

// FKSpan returns the best position for a finding about fk in op: the
// foreign key clause, the column's `references`, the column, or the op.
func FKSpan(op *ir.Op, fk *schema.ForeignKey) (ir.Span, string) {
	cols := strings.Join(fk.Columns, ",")
	for _, key := range []string{"fk:" + cols, "fk:" + fk.Name, "column:" + cols + ".references", "column:" + cols} {
		if s, ok := op.Attrs[key]; ok && s.Valid() {
			return s, key
		}
	}
	return op.Span, "fk:" + cols
}

// ColumnSpan returns the position of a column inside op.
func ColumnSpan(op *ir.Op, column string) ir.Span {
	return op.AttrSpan("column:" + column)
}

// ChangedTable returns the table a change acts on ("" for several or none).
func ChangedTable(c schema.Change) string {
	switch c := c.(type) {
	case *schema.CreateTable:
		if c.Table != nil {
			return c.Table.Name
		}
	case *schema.AlterTable:
		return c.Table
	case *schema.DropTable:
		if len(c.Names) == 1 {
			return c.Names[0]
		}
	case *schema.Insert:
		return c.Table
	case *schema.Update:
		return c.Table
	case *schema.Delete:
		return c.Table
	case *schema.Truncate:
		return c.Table
	}
	return ""
}

// fkLabel renders `table.col → parent.col`.
func fkLabel(table string, fk *schema.ForeignKey) string {
	name := ""
	if fk.Name != "" {
		name = "`" + fk.Name + "` "
	}
	return name + "(`" + table + "." + strings.Join(fk.Columns, "`, `"+table+".") + "` → `" + fk.RefTable + "." + strings.Join(fk.RefColumns, "`, `"+fk.RefTable+".") + "`)"
}

// modelColumn returns the model attribute mapped to table.column, if a model
// declares it.
func (p *Pass) modelColumn(table, column string) (*ir.Model, *ir.Attribute) {
	for _, m := range p.Models {
		if m.Table != table {
			continue
		}
		for _, a := range m.Attributes {
			if !a.Virtual && strings.EqualFold(a.Field, column) {
				return m, a
			}
		}
	}
	return nil, nil
}
