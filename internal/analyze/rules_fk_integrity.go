package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleFK102 = &Rule{
	Code:     "FK102",
	Name:     "fk-set-null-not-null",
	Severity: Critical,
	Title:    "Foreign key with SET NULL on a NOT NULL column",
	Run:      runFK102,
}

// runFK102 reports SET NULL rules on NOT NULL columns: MySQL refuses them
// with error 1830. The simulator raises the error; the rule also looks at
// the statement itself, so a statement that fails first for another reason
// still gets the finding.
func runFK102(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		// A statement MySQL accepts has no such key; one that fails for
		// another reason first is still checked.
		if r.Op.Change == nil || r.Err == nil {
			return
		}
		reported := false
		for _, a := range AddedFKs(r.Op.Change) {
			rule := setNullRule(a.FK)
			if rule == "" {
				continue
			}
			t := tableAfter(r, a.Table)
			for _, c := range a.FK.Columns {
				col := t.Column(c)
				if col == nil || col.Nullable {
					continue
				}
				span, key := FKSpan(r.Op, a.FK)
				p.ReportAt(span, key+" "+r.Op.Text,
					fmt.Sprintf("Foreign key %s declares %s, but `%s.%s` is NOT NULL: MySQL refuses the statement with error 1830 (ER_FK_COLUMN_NOT_NULL), since it could never set the column to NULL.",
						fkLabel(a.Table, a.FK), rule, a.Table, col.Name),
					fmt.Sprintf("Either make `%s` nullable (SQL: `NULL`; Sequelize: `allowNull: true`), or pick another rule: `ON DELETE CASCADE` to delete the `%s` rows with their parent, `ON DELETE RESTRICT` to refuse the delete.",
						col.Name, a.Table))
				reported = true
				break
			}
		}
		if reported || r.Err.Code != schema.ErFKColumnNotNull {
			return
		}
		// The column became NOT NULL while an existing key still says SET
		// NULL (MODIFY ... NOT NULL, changeColumn allowNull: false), or the
		// key sits in a shape the loop above did not see.
		col, fkName := errQuoted(r.Err.Message, 0), errQuoted(r.Err.Message, 1)
		span := r.Op.Span
		if col != "" {
			span = ColumnSpan(r.Op, col)
		}
		p.ReportAt(span, "1830 "+r.Op.Text,
			fmt.Sprintf("Column `%s` cannot be NOT NULL while foreign key `%s` sets it to NULL (ON DELETE/UPDATE SET NULL): MySQL refuses the statement with error 1830 (ER_FK_COLUMN_NOT_NULL).", col, fkName),
			fmt.Sprintf("Keep `%s` nullable, or first replace `%s` with a key whose rule is CASCADE or RESTRICT.", col, fkName))
	})
	p.modelSetNull()
	return nil
}

// modelSetNull reports models that declare a SET NULL key on an attribute
// with allowNull: false, through `references` or an association: sync()
// fails with error 1830, and no migration can build what the model says.
func (p *Pass) modelSetNull() {
	byName := map[string]*ir.Model{}
	for _, m := range p.Models {
		byName[m.Name] = m
	}
	seen := map[string]bool{}
	report := func(m *ir.Model, a *ir.Attribute, rule, how string, span ir.Span) {
		key := m.Table + "." + strings.ToLower(a.Field)
		if seen[key] || a.Column == nil || a.Column.Nullable {
			return
		}
		seen[key] = true
		p.ReportAt(span, "model-set-null "+key,
			fmt.Sprintf("Model `%s` declares %s for `%s.%s` (%s), but the attribute has allowNull: false: MySQL cannot create such a key (error 1830, ER_FK_COLUMN_NOT_NULL), so sync() fails and no migration can build what the model describes.",
				m.Name, rule, m.Table, a.Field, how),
			fmt.Sprintf("Either allow NULL in `%s` (`allowNull: true`), or use `onDelete: 'CASCADE'` or `'RESTRICT'`.", a.Name))
	}
	for _, m := range p.Models {
		for _, a := range m.Attributes {
			ref := a.References
			if a.Virtual || ref == nil || !ref.Constraint {
				continue
			}
			rule := setNullRule(&schema.ForeignKey{OnDelete: ref.OnDelete, OnUpdate: ref.OnUpdate})
			if rule == "" {
				continue
			}
			span := a.Span
			if s, ok := a.Attrs["references"]; ok && s.Valid() {
				span = s
			}
			report(m, a, rule, "`references` to `"+ref.Table+"`", span)
		}
	}
	for _, m := range p.Models {
		for _, as := range m.Associations {
			rule := setNullRule(&schema.ForeignKey{OnDelete: as.OnDelete, OnUpdate: as.OnUpdate})
			if !as.Constraints || rule == "" || as.ForeignKey == "" {
				continue
			}
			holder := byName[as.Target]
			if as.Kind == "belongsTo" {
				holder = m
			} else if as.Kind != "hasOne" && as.Kind != "hasMany" {
				continue
			}
			if holder == nil {
				continue
			}
			for _, a := range holder.Attributes {
				if a.Name == as.ForeignKey || strings.EqualFold(a.Field, as.ForeignKey) {
					report(holder, a, rule, fmt.Sprintf("`%s.%s(%s)`", m.Name, as.Kind, as.Target), as.Span)
				}
			}
		}
	}
}

// setNullRule returns "ON DELETE SET NULL" / "ON UPDATE SET NULL" (or both)
// when the key sets its columns to NULL, else "".
func setNullRule(fk *schema.ForeignKey) string {
	var rules []string
	if strings.EqualFold(fk.OnDelete, schema.SetNull) {
		rules = append(rules, "ON DELETE SET NULL")
	}
	if strings.EqualFold(fk.OnUpdate, schema.SetNull) {
		rules = append(rules, "ON UPDATE SET NULL")
	}
	return strings.Join(rules, " and ")
}

// errQuoted returns the n-th single-quoted word of a MySQL error message.
func errQuoted(msg string, n int) string {
	parts := strings.Split(msg, "'")
	i := 2*n + 1
	if i >= len(parts)-1 {
		return ""
	}
	return parts[i]
}

var ruleFK105 = &Rule{
	Code:     "FK105",
	Name:     "fk-on-existing-table",
	Severity: High,
	Title:    "Foreign key added to an existing table",
	Run:      runFK105,
}

func runFK105(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		at, ok := r.Op.Change.(*schema.AlterTable)
		if !ok || r.Err != nil || !Existing(r, at.Table) {
			return
		}
		added := addedColumns(at)
		for _, a := range AddedFKs(at) {
			span, key := FKSpan(r.Op, a.FK)
			label := fkLabel(a.Table, a.FK)
			copyNote := fmt.Sprintf("With foreign_key_checks on, MySQL adds a foreign key with ALGORITHM=COPY: `%s` is rebuilt and writes to it are blocked until the copy ends.", a.Table)
			newCol, fresh := "", false
			for _, c := range a.FK.Columns {
				if col := added[strings.ToLower(c)]; col != nil {
					newCol = c
					fresh = col.Nullable && (col.Default == nil || col.Default.Null) && col.Generated == nil
				}
			}
			var msg, advice string
			switch {
			case newCol != "" && fresh:
				// Every existing row gets NULL: no orphans possible, only
				// the rebuild.
				msg = fmt.Sprintf("Foreign key %s is added to `%s`, which already holds rows. %s", label, a.Table, copyNote)
				advice = fmt.Sprintf("Run it in a quiet window or with an online schema change tool (gh-ost, pt-online-schema-change) if `%s` is large; adding the column first and the key in a later migration does not avoid the copy.", a.Table)
			case newCol != "":
				msg = fmt.Sprintf("Foreign key %s is added to `%s`, which already holds rows, on new column `%s` whose existing rows all get %s: unless that value exists in `%s`, the ALTER fails with error 1452 (a foreign key constraint fails). %s",
					label, a.Table, newCol, rowFill(added[strings.ToLower(newCol)]), a.FK.RefTable, copyNote)
				advice = fmt.Sprintf("Add `%s` as NULL without a default, backfill it with valid `%s` keys in batches, then add the foreign key in a later migration.", newCol, a.FK.RefTable)
			default:
				msg = fmt.Sprintf("Foreign key %s is added to `%s`, which already holds rows: any row whose %s has no matching `%s` row makes the ALTER fail with error 1452 (a foreign key constraint fails). %s",
					label, a.Table, quoteList(a.FK.Columns), a.FK.RefTable, copyNote)
				if r.IsFresh(a.FK.RefTable) {
					msg += fmt.Sprintf(" `%s` is created in this change and is still empty, so every `%s` row with a non-NULL key is an orphan.", a.FK.RefTable, a.Table)
				}
				msg += fmt.Sprintf(" Count the orphans before deploying: `%s`.", orphanQuery(a.Table, a.FK))
				advice = fmt.Sprintf("Fix or delete the orphan rows first, then run the ALTER in a quiet window, or with gh-ost / pt-online-schema-change if `%s` is large.", a.Table)
			}
			p.ReportAt(span, key+" "+r.Op.Text, msg, advice)
		}
	})
	return nil
}

// addedColumns maps the lower-case names of the columns an ALTER adds to
// their definitions.
func addedColumns(at *schema.AlterTable) map[string]*schema.Column {
	out := map[string]*schema.Column{}
	for _, s := range at.Specs {
		if ac, ok := s.(*schema.AddColumn); ok && ac.Column != nil {
			out[strings.ToLower(ac.Column.Name)] = ac.Column
		}
	}
	return out
}

// rowFill says what value existing rows get in a column added to them.
func rowFill(c *schema.Column) string {
	switch {
	case c == nil:
		return "the same value"
	case c.Generated != nil:
		return "a computed value"
	case c.AutoIncrement:
		return "sequence numbers"
	case c.Default != nil && !c.Default.Null:
		return "the default " + c.Default.Value
	}
	return "the implicit value " + implicitValue(c.Type)
}

// orphanQuery is the query counting child rows whose key has no parent.
func orphanQuery(table string, fk *schema.ForeignKey) string {
	var on, notNull []string
	for i, c := range fk.Columns {
		if i >= len(fk.RefColumns) {
			break
		}
		on = append(on, fmt.Sprintf("p.%s = c.%s", fk.RefColumns[i], c))
		notNull = append(notNull, fmt.Sprintf("c.%s IS NOT NULL", c))
	}
	first := "id"
	if len(fk.RefColumns) > 0 {
		first = fk.RefColumns[0]
	}
	return fmt.Sprintf("SELECT COUNT(*) FROM %s c LEFT JOIN %s p ON %s WHERE %s AND p.%s IS NULL",
		table, fk.RefTable, strings.Join(on, " AND "), strings.Join(notNull, " AND "), first)
}

var ruleFK107 = &Rule{
	Code:     "FK107",
	Name:     "fk-drop-needed-index",
	Severity: Critical,
	Title:    "Dropping an index that a foreign key needs",
	Run:      runFK107,
}

// runFK107 explains error 1553 raised by the simulator: the statement
// drops the last index whose leading columns serve a foreign key. When
// another index still covers the key, MySQL accepts the drop and so does
// the simulator: nothing is reported.
func runFK107(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err == nil || r.Err.Code != schema.ErDropIndexFK {
			return
		}
		table := ChangedTable(r.Op.Change)
		before := r.Before.Table(table)
		name := errQuoted(r.Err.Message, 0)
		var ix *schema.Index
		if before != nil {
			ix = before.Index(name)
		}
		span := r.Op.Span
		subject := "drop-index " + name + " " + r.Op.Text
		if ix == nil {
			p.ReportAt(span, subject,
				fmt.Sprintf("MySQL refuses this statement with error 1553: index `%s` on `%s` is needed by a foreign key.", name, table),
				"Create another index that starts with the foreign key's columns first, or drop the foreign key before the index.")
			return
		}
		if s, ok := nameLine(r.Op, name); ok {
			span = s
		}
		var needs []string
		cols := ix.Columns()
		for _, t := range r.Before.Tables {
			for _, fk := range t.ForeignKeys {
				switch {
				case t.Name == table && leftPrefixOf(fk.Columns, cols):
					needs = append(needs, fkLabel(t.Name, fk))
				case fk.RefTable == table && leftPrefixOf(fk.RefColumns, cols):
					needs = append(needs, fkLabel(t.Name, fk)+" (on the referenced side)")
				}
			}
		}
		what := "a foreign key"
		if len(needs) > 0 {
			what = strings.Join(needs, ", ")
		}
		p.ReportAt(span, subject,
			fmt.Sprintf("Dropping index `%s` on `%s`(%s) fails with error 1553 (ER_DROP_INDEX_FK): %s needs an index that starts with those columns, and no other index of `%s` provides one.",
				ix.Name, table, strings.Join(cols, ", "), what, table),
			fmt.Sprintf("Add the replacement index first (in the same ALTER, e.g. `ALTER TABLE %s ADD INDEX ... (%s, ...), DROP INDEX %s`), or drop the foreign key before dropping the index.",
				table, strings.Join(cols, ", "), ix.Name))
	})
	return nil
}

// leftPrefixOf reports whether cols are the first entries of ixCols,
// compared case-insensitively.
func leftPrefixOf(cols, ixCols []string) bool {
	if len(cols) == 0 || len(cols) > len(ixCols) {
		return false
	}
	for i, c := range cols {
		if !strings.EqualFold(c, ixCols[i]) {
			return false
		}
	}
	return true
}
