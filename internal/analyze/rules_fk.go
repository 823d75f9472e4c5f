package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleFK101 = &Rule{
	Code:     "FK101",
	Name:     "fk-missing-on-delete",
	Severity: Critical,
	Title:    "Foreign key without an explicit ON DELETE or ON UPDATE rule",
	Run:      runFK101,
}

func runFK101(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Op.Change == nil {
			return
		}
		for _, a := range AddedFKs(r.Op.Change) {
			var missing []string
			if a.FK.OnDelete == "" {
				missing = append(missing, "ON DELETE")
			}
			if a.FK.OnUpdate == "" {
				missing = append(missing, "ON UPDATE")
			}
			if len(missing) == 0 {
				continue
			}
			span, key := FKSpan(r.Op, a.FK)
			child := a.FK.Columns[0]
			nullable := true
			if t := r.After.Table(a.Table); t != nil && t.Column(child) != nil {
				nullable = t.Column(child).Nullable
			}
			syncDelete := "SET NULL"
			if !nullable {
				syncDelete = "NO ACTION"
			}
			action := "deleting or re-keying"
			switch {
			case a.FK.OnDelete == "" && a.FK.OnUpdate != "":
				action = "deleting"
			case a.FK.OnDelete != "" && a.FK.OnUpdate == "":
				action = "changing the key of"
			}
			msg := fmt.Sprintf("Foreign key %s states no %s rule, so MySQL applies NO ACTION (RESTRICT in InnoDB): %s a `%s` row that still has `%s` rows fails with error 1451. Sequelize's association sync would have declared ON DELETE %s and ON UPDATE CASCADE.",
				fkLabel(a.Table, a.FK), strings.Join(missing, " or "), action, a.FK.RefTable, a.Table, syncDelete)
			advice := fmt.Sprintf("State both rules on purpose, e.g. `ON DELETE %s ON UPDATE CASCADE` (Sequelize: `onDelete: '%s', onUpdate: 'CASCADE'`); write `ON DELETE RESTRICT` if refusing the delete is what you want.",
				suggestDelete(nullable), suggestDelete(nullable))
			p.ReportAt(span, key+" "+r.Op.Text, msg, advice)
		}
	})
	return nil
}

func suggestDelete(nullable bool) string {
	if nullable {
		return "SET NULL"
	}
	return "CASCADE"
}

var ruleFK103 = &Rule{
	Code:     "FK103",
	Name:     "fk-type-mismatch",
	Severity: Critical,
	Title:    "Foreign key column and referenced column have incompatible types",
	Run:      runFK103,
}

// runFK103 explains MySQL error 3780 raised by the simulator, naming both
// column types.
func runFK103(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err == nil || r.Err.Code != 3780 || r.Op.Change == nil {
			return
		}
		reported := false
		for _, a := range AddedFKs(r.Op.Change) {
			child := tableAfter(r, a.Table)
			parent := tableAfter(r, a.FK.RefTable)
			if a.FK.RefTable == a.Table {
				parent = child
			}
			for i, col := range a.FK.Columns {
				if i >= len(a.FK.RefColumns) || child == nil || parent == nil {
					continue
				}
				cc, pc := child.Column(col), parent.Column(a.FK.RefColumns[i])
				if cc == nil || pc == nil {
					continue
				}
				why := typeMismatch(cc.Type, pc.Type)
				if why == "" {
					continue
				}
				span, key := FKSpan(r.Op, a.FK)
				p.ReportAt(span, key+" "+r.Op.Text,
					fmt.Sprintf("Foreign key %s cannot be created: `%s.%s` is %s but `%s.%s` is %s (%s). MySQL refuses it with error 3780 (ER_FK_INCOMPATIBLE_COLUMNS).",
						fkLabel(a.Table, a.FK), a.Table, col, cc.Type, a.FK.RefTable, pc.Name, pc.Type, why),
					fmt.Sprintf("Declare `%s.%s` exactly like the referenced column: %s.", a.Table, col, pc.Type))
				reported = true
			}
		}
		if !reported {
			p.ReportAt(r.Op.Span, r.Op.Text, "MySQL refuses this foreign key: "+r.Err.Error()+".",
				"Make the referencing columns' types, signedness and character sets match the referenced columns.")
		}
	})
	return nil
}

// tableAfter finds a table as the op sees it: in the state before the op,
// or, for CREATE TABLE, in the statement itself.
func tableAfter(r *replay.OpResult, name string) *schema.Table {
	if ct, ok := r.Op.Change.(*schema.CreateTable); ok && ct.Table != nil && ct.Table.Name == name {
		return ct.Table
	}
	t := r.Before.Table(name)
	if at, ok := r.Op.Change.(*schema.AlterTable); ok && at.Table == name && t != nil {
		// Columns added or changed by the same ALTER count.
		t = t.Clone()
		for _, s := range at.Specs {
			switch s := s.(type) {
			case *schema.AddColumn:
				t.Columns = append(t.Columns, s.Column)
			case *schema.ModifyColumn:
				if i := t.ColumnIndex(s.Name); i >= 0 {
					t.Columns[i] = s.Column
				}
			}
		}
	}
	return t
}

// typeMismatch says why two column types cannot be joined by a foreign key,
// or "" when they can.
func typeMismatch(a, b schema.Type) string {
	if a.Base != b.Base {
		return "different base types"
	}
	if a.Unsigned != b.Unsigned {
		return "one is UNSIGNED, the other is not"
	}
	if (a.Base == "decimal") && (a.Precision != b.Precision || a.Scale != b.Scale) {
		return "different precision or scale"
	}
	if a.Charset != "" && b.Charset != "" && a.Charset != b.Charset {
		return "different character sets"
	}
	if a.Collation != "" && b.Collation != "" && a.Collation != b.Collation {
		return "different collations"
	}
	if (a.Base == "char" || a.Base == "binary") && a.Length != b.Length {
		return "different lengths"
	}
	return "incompatible definitions"
}

var ruleFK104 = &Rule{
	Code:     "FK104",
	Name:     "fk-missing-parent",
	Severity: Critical,
	Title:    "Foreign key references a table or columns that do not exist or are not indexed",
	Run:      runFK104,
}

func runFK104(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err == nil || (r.Err.Code != 1824 && r.Err.Code != 1822) || r.Op.Change == nil {
			return
		}
		for _, a := range AddedFKs(r.Op.Change) {
			parent := tableAfter(r, a.FK.RefTable)
			span, key := FKSpan(r.Op, a.FK)
			switch {
			case parent == nil && r.Err.Code == 1824:
				later := p.createdLater(st, a.FK.RefTable)
				msg := fmt.Sprintf("Foreign key %s references table `%s`, which does not exist at this point of the migration history: MySQL fails with error 1824 (ER_FK_CANNOT_OPEN_PARENT).", fkLabel(a.Table, a.FK), a.FK.RefTable)
				advice := fmt.Sprintf("Create `%s` in an earlier migration, or fix the table name.", a.FK.RefTable)
				if later != "" {
					msg += fmt.Sprintf(" It is created later, by %s.", later)
					advice = fmt.Sprintf("Move this foreign key into a migration that runs after %s, or create `%s` first.", later, a.FK.RefTable)
				}
				p.ReportAt(span, key+" "+r.Op.Text, msg, advice)
				return
			case parent != nil && r.Err.Code == 1822:
				var missing []string
				for _, c := range a.FK.RefColumns {
					if parent.Column(c) == nil {
						missing = append(missing, c)
					}
				}
				if len(missing) > 0 {
					p.ReportAt(span, key+" "+r.Op.Text,
						fmt.Sprintf("Foreign key %s references %s, which `%s` does not have: MySQL fails with error 1822.", fkLabel(a.Table, a.FK), quoteList(missing), a.FK.RefTable),
						"Reference existing columns of the parent table (usually its primary key).")
				} else {
					p.ReportAt(span, key+" "+r.Op.Text,
						fmt.Sprintf("Foreign key %s references `%s`(%s), which is not the primary key or the leftmost part of an index: MySQL fails with error 1822 (MySQL 8.4 requires a PRIMARY KEY or UNIQUE key there).", fkLabel(a.Table, a.FK), a.FK.RefTable, strings.Join(a.FK.RefColumns, ", ")),
						fmt.Sprintf("Reference the parent's primary key, or add a UNIQUE key on `%s`(%s) in an earlier migration.", a.FK.RefTable, strings.Join(a.FK.RefColumns, ", ")))
				}
				return
			}
		}
		p.ReportAt(r.Op.Span, r.Op.Text, "MySQL cannot create this foreign key: "+r.Err.Error()+".",
			"Create the referenced table and a key on the referenced columns before this migration.")
	})
	return nil
}

// createdLater names the first migration after st that creates table.
func (p *Pass) createdLater(st *replay.Step, table string) string {
	after := false
	for _, s := range p.Steps {
		if s == st {
			after = true
			continue
		}
		if !after {
			continue
		}
		for _, r := range s.Up {
			if ct, ok := r.Op.Change.(*schema.CreateTable); ok && ct.Table != nil && ct.Table.Name == table {
				return "`" + s.Migration.Path + "`"
			}
		}
	}
	return ""
}
