package analyze

import (
	"fmt"
	"slices"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// The SQ rules compare Sequelize models with the schema that replaying
// every migration builds. They stay silent when there are no migrations
// (a sync()-managed project), and for tables whose history the guardian
// could not fully read.

// finalSchema is the state after every migration, or nil without any.
func (p *Pass) finalSchema() *schema.Schema {
	if len(p.Steps) == 0 {
		return nil
	}
	return p.Steps[len(p.Steps)-1].After
}

// unclearTables returns the tables whose history has statements the
// guardian could not interpret; all is true when a whole migration file
// could not be read (then nothing is certain).
func (p *Pass) unclearTables() (tables map[string]bool, all bool) {
	tables = map[string]bool{}
	for _, st := range p.Steps {
		if len(st.Migration.Problems) > 0 {
			return nil, true
		}
		for _, r := range st.Up {
			if r.Op.NotAnalyzed == "" {
				continue
			}
			if strings.Contains(r.Op.Text, "dynamic") || r.Op.Text == "" {
				return nil, true
			}
			for _, t := range p.finalSchema().Tables {
				if strings.Contains(r.Op.Text, t.Name) {
					tables[t.Name] = true
				}
			}
		}
	}
	return tables, false
}

// judgedModel reports whether a model is under review: always in
// whole-repository mode; with a base, when its file changed or a judged
// migration touches its table.
func (p *Pass) judgedModel(m *ir.Model) bool {
	if !p.Settings.Base {
		return true
	}
	if s := p.Settings.Changed[m.Span.Path]; s != "" && s != "deleted" {
		return true
	}
	return p.touchedByChange(m.Table)
}

func (p *Pass) touchedByChange(table string) bool {
	for _, st := range p.Judged() {
		for _, r := range st.Up {
			if r.Op.Change != nil && ChangedTable(r.Op.Change) == table {
				return true
			}
			if rt, ok := r.Op.Change.(*schema.RenameTable); ok {
				for _, pr := range rt.Pairs {
					if pr.To == table || pr.From == table {
						return true
					}
				}
			}
		}
	}
	return false
}

// modelTables pairs each judged model with its table in the final schema.
func (p *Pass) modelTables(fn func(m *ir.Model, t *schema.Table)) {
	final := p.finalSchema()
	if final == nil {
		return
	}
	unclear, all := p.unclearTables()
	if all {
		return
	}
	for _, m := range p.Models {
		if !p.judgedModel(m) || unclear[m.Table] || len(m.Problems) > 0 {
			continue
		}
		fn(m, final.Table(m.Table))
	}
}

var ruleSQ101 = &Rule{
	Code:     "SQ101",
	Name:     "model-column-missing",
	Severity: Critical,
	Title:    "Model attribute has no column in the migrated schema",
	Run:      runSQ101,
}

func runSQ101(p *Pass) error {
	p.modelTables(func(m *ir.Model, t *schema.Table) {
		if t == nil {
			p.ReportAt(m.Span, "table "+m.Table,
				fmt.Sprintf("Model `%s` maps to table `%s`, which no migration creates: every query through the model fails with error 1146.", m.Name, m.Table),
				fmt.Sprintf("Write a migration that creates `%s`, or set `tableName` to the table the migrations create.", m.Table))
			return
		}
		for _, a := range m.Attributes {
			if a.Virtual || t.Column(a.Field) != nil {
				continue
			}
			what := fmt.Sprintf("attribute `%s`", a.Name)
			if a.Field != a.Name {
				what += fmt.Sprintf(" (column `%s`)", a.Field)
			}
			if a.Implicit {
				what = fmt.Sprintf("implicit attribute `%s` (column `%s`, added by Sequelize's timestamps/paranoid/id defaults)", a.Name, a.Field)
			}
			p.ReportAt(a.Span, "column "+m.Table+"."+a.Field,
				fmt.Sprintf("Model `%s` declares %s, but `%s` has no such column after every migration: queries through the model name it and fail with error 1054.", m.Name, what, m.Table),
				fmt.Sprintf("Add a migration with `addColumn('%s', '%s', …)`, or fix the attribute's `field`/`underscored`/timestamps settings.", m.Table, a.Field))
		}
	})
	return nil
}

var ruleSQ102 = &Rule{
	Code:     "SQ102",
	Name:     "schema-column-unmodeled-required",
	Severity: High,
	Title:    "Required column that the model does not declare",
	Run:      runSQ102,
}

func runSQ102(p *Pass) error {
	p.modelTables(func(m *ir.Model, t *schema.Table) {
		if t == nil {
			return
		}
		for _, c := range t.Columns {
			if c.Nullable || c.Default != nil || c.AutoIncrement || c.Generated != nil {
				continue
			}
			declared := false
			for _, a := range m.Attributes {
				declared = declared || strings.EqualFold(a.Field, c.Name)
			}
			if declared {
				continue
			}
			p.ReportAt(m.Span, "unmodeled "+m.Table+"."+c.Name,
				fmt.Sprintf("Column `%s.%s` is NOT NULL without a default, and model `%s` does not declare it: every `%s.create()` fails with error 1364 (Field doesn't have a default value).", m.Table, c.Name, m.Name, m.Name),
				fmt.Sprintf("Declare `%s` on the model, or give the column a default / make it nullable in a migration.", c.Name))
		}
	})
	return nil
}

var ruleSQ103 = &Rule{
	Code:     "SQ103",
	Name:     "model-type-mismatch",
	Severity: High,
	Title:    "Model and schema disagree on a column's definition",
	Run:      runSQ103,
}

func runSQ103(p *Pass) error {
	p.modelTables(func(m *ir.Model, t *schema.Table) {
		if t == nil {
			return
		}
		for _, a := range m.Attributes {
			if a.Virtual || a.Column == nil {
				continue
			}
			c := t.Column(a.Field)
			if c == nil {
				continue
			}
			diffs := columnDiffs(a, c)
			if len(diffs) == 0 {
				continue
			}
			span := a.Span
			if s, ok := a.Attrs["type"]; ok && s.Valid() {
				span = s
			}
			p.ReportAt(span, "mismatch "+m.Table+"."+a.Field,
				fmt.Sprintf("Model `%s` and table `%s` disagree on `%s`: %s.", m.Name, m.Table, a.Field, strings.Join(diffs, "; ")),
				"Make the model match the migrated schema, or write a migration that changes the column to what the model expects.")
		}
	})
	return nil
}

// columnDiffs lists the differences between a model attribute's column and
// the schema's column that change behaviour. Character sets are compared
// only when the model states one; JS-side defaults are not compared.
func columnDiffs(a *ir.Attribute, c *schema.Column) []string {
	mt, st := a.Column.Type, c.Type
	var out []string
	if mt.Base != st.Base {
		out = append(out, fmt.Sprintf("the model says %s, the schema has %s", mt, st))
	} else {
		switch {
		case mt.Length != st.Length && (mt.Base == "varchar" || mt.Base == "char" || mt.Base == "binary" || mt.Base == "varbinary"):
			out = append(out, fmt.Sprintf("length %d in the model, %d in the schema", mt.Length, st.Length))
		case mt.Unsigned != st.Unsigned:
			out = append(out, fmt.Sprintf("the model says %s, the schema has %s", mt, st))
		case (mt.Base == "decimal") && (mt.Precision != st.Precision || mt.Scale != st.Scale):
			out = append(out, fmt.Sprintf("the model says %s, the schema has %s", mt, st))
		case mt.Base == "enum" || mt.Base == "set":
			if !slices.Equal(mt.Values, st.Values) {
				out = append(out, enumDiff(mt.Values, st.Values))
			}
		}
	}
	if !a.PrimaryKey && a.Column.Nullable != c.Nullable {
		if c.Nullable {
			out = append(out, "the model requires a value (allowNull: false) but the column accepts NULL")
		} else {
			out = append(out, "the model allows NULL but the column is NOT NULL, so saving a null fails with error 1048")
		}
	}
	if md := a.Column.Default; md != nil && !md.Expr && c.Default != nil && !c.Default.Expr && !md.Null && !c.Default.Null && md.Value != c.Default.Value {
		out = append(out, fmt.Sprintf("default %q in the model, %q in the schema", md.Value, c.Default.Value))
	}
	return out
}

func enumDiff(model, sch []string) string {
	var onlyModel, onlySchema []string
	for _, v := range model {
		if !slices.Contains(sch, v) {
			onlyModel = append(onlyModel, "'"+v+"'")
		}
	}
	for _, v := range sch {
		if !slices.Contains(model, v) {
			onlySchema = append(onlySchema, "'"+v+"'")
		}
	}
	var parts []string
	if len(onlyModel) > 0 {
		parts = append(parts, "the model allows "+strings.Join(onlyModel, ", ")+" which the column rejects (error 1265)")
	}
	if len(onlySchema) > 0 {
		parts = append(parts, "the column also allows "+strings.Join(onlySchema, ", "))
	}
	if len(parts) == 0 {
		return "the ENUM values are in a different order"
	}
	return "ENUM values differ: " + strings.Join(parts, "; ")
}

var ruleSQ104 = &Rule{
	Code:     "SQ104",
	Name:     "model-index-mismatch",
	Severity: Medium,
	Title:    "Index or unique constraint declared on the model but absent from the schema",
	Run:      runSQ104,
}

func runSQ104(p *Pass) error {
	p.modelTables(func(m *ir.Model, t *schema.Table) {
		if t == nil {
			return
		}
		type want struct {
			cols   []string
			unique bool
			span   ir.Span
			label  string
		}
		var wants []want
		for _, ix := range m.Indexes {
			cols := make([]string, len(ix.Fields))
			for i, f := range ix.Fields {
				cols[i] = fieldOf(m, f)
			}
			label := "index"
			if ix.Name != "" {
				label = "index `" + ix.Name + "`"
			}
			wants = append(wants, want{cols, ix.Unique, firstValid(ix.Span, m.Span), label})
		}
		groups := map[string][]string{}
		for _, a := range m.Attributes {
			switch {
			case a.Unique && a.UniqueName != "":
				groups[a.UniqueName] = append(groups[a.UniqueName], a.Field)
			case a.Unique && !a.PrimaryKey:
				wants = append(wants, want{[]string{a.Field}, true, a.Span, "`unique: true`"})
			}
		}
		for name, cols := range groups {
			wants = append(wants, want{cols, true, m.Span, "unique group `" + name + "`"})
		}
		for _, w := range wants {
			if hasIndex(t, w.cols, w.unique) {
				continue
			}
			kind := "an index"
			if w.unique {
				kind = "a UNIQUE key"
			}
			p.ReportAt(w.span, "index "+m.Table+" "+strings.Join(w.cols, ","),
				fmt.Sprintf("Model `%s` declares %s on (%s), but `%s` has no %s on exactly those columns after every migration.", m.Name, w.label, strings.Join(w.cols, ", "), m.Table, strings.TrimPrefix(kind, "a ")),
				fmt.Sprintf("Add it in a migration (`addIndex('%s', [%s]%s)`), or remove it from the model.", m.Table, quotedCSV(w.cols), map[bool]string{true: ", { unique: true }"}[w.unique]))
		}
	})
	return nil
}

func fieldOf(m *ir.Model, name string) string {
	for _, a := range m.Attributes {
		if a.Name == name {
			return a.Field
		}
	}
	return name
}

func hasIndex(t *schema.Table, cols []string, unique bool) bool {
	for _, ix := range t.Indexes {
		if unique && !ix.Unique {
			continue
		}
		ic := ix.Columns()
		if len(ic) != len(cols) {
			continue
		}
		same := true
		for i := range ic {
			same = same && strings.EqualFold(ic[i], cols[i])
		}
		if same {
			return true
		}
	}
	return false
}

func quotedCSV(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = "'" + c + "'"
	}
	return strings.Join(q, ", ")
}

func firstValid(spans ...ir.Span) ir.Span {
	for _, s := range spans {
		if s.Valid() {
			return s
		}
	}
	return ir.Span{}
}

var ruleSQ105 = &Rule{
	Code:     "SQ105",
	Name:     "model-fk-mismatch",
	Severity: High,
	Title:    "Model reference with no matching foreign key in the schema",
	Run:      runSQ105,
}

func runSQ105(p *Pass) error {
	final := p.finalSchema()
	p.modelTables(func(m *ir.Model, t *schema.Table) {
		if t == nil {
			return
		}
		for _, a := range m.Attributes {
			r := a.References
			if r == nil || !r.Constraint || t.Column(a.Field) == nil {
				continue
			}
			span := a.Span
			if s, ok := a.Attrs["references"]; ok && s.Valid() {
				span = s
			}
			fk := findFK(t, a.Field, r.Table)
			if fk == nil {
				p.ReportAt(span, "fk "+m.Table+"."+a.Field,
					fmt.Sprintf("Model `%s` declares `%s` as referencing `%s.%s`, but `%s` has no foreign key on `%s` after every migration: the database does not enforce what the model promises.", m.Name, a.Name, r.Table, r.Key, m.Table, a.Field),
					fmt.Sprintf("Add the constraint in a migration (`addConstraint('%s', { type: 'foreign key', fields: ['%s'], references: { table: '%s', field: '%s' }, onDelete: …, onUpdate: … })`), or set `constraints: false` if it is deliberate.", m.Table, a.Field, r.Table, r.Key))
				continue
			}
			for _, d := range []struct{ what, model, sch string }{{"ON DELETE", r.OnDelete, fk.OnDelete}, {"ON UPDATE", r.OnUpdate, fk.OnUpdate}} {
				if d.model != "" && normRule(d.model) != normRule(d.sch) {
					p.ReportAt(span, "fkrule "+m.Table+"."+a.Field+d.what,
						fmt.Sprintf("Model `%s` says %s %s for `%s`, but the foreign key `%s` in the schema has %s.", m.Name, d.what, d.model, a.Field, fk.Name, normRule(d.sch)),
						"Make the model and the migration agree on the referential actions.")
				}
			}
		}
		for _, as := range m.Associations {
			if as.Kind != "belongsTo" || !as.Constraints || as.Source != m.Name {
				continue
			}
			target := modelByName(p.Models, as.Target)
			if target == nil || final.Table(target.Table) == nil {
				continue
			}
			col := as.ForeignKey
			if col == "" {
				continue // the implicit name depends on `as`; say nothing rather than guess
			}
			col = fieldOf(m, col)
			if t.Column(col) == nil || findFK(t, col, target.Table) != nil || attrDeclaresRef(m, col) {
				continue
			}
			p.ReportAt(firstValid(as.Span, m.Span), "assoc "+m.Table+"."+col,
				fmt.Sprintf("`%s.belongsTo(%s)` uses `%s.%s`, but the migrations create no foreign key from it to `%s`: sync() would have created one, the migrated database does not.", m.Name, as.Target, m.Table, col, target.Table),
				fmt.Sprintf("Add the foreign key in a migration, or pass `constraints: false` to the association if `%s` is deliberately unenforced.", col))
		}
	})
	return nil
}

func normRule(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || s == "NO ACTION" {
		return "RESTRICT"
	}
	return s
}

func findFK(t *schema.Table, col, parent string) *schema.ForeignKey {
	for _, fk := range t.ForeignKeys {
		if len(fk.Columns) == 1 && strings.EqualFold(fk.Columns[0], col) && (parent == "" || fk.RefTable == parent) {
			return fk
		}
	}
	return nil
}

func attrDeclaresRef(m *ir.Model, col string) bool {
	for _, a := range m.Attributes {
		if strings.EqualFold(a.Field, col) && a.References != nil {
			return true
		}
	}
	return false
}

func modelByName(models []*ir.Model, name string) *ir.Model {
	for _, m := range models {
		if m.Name == name {
			return m
		}
	}
	return nil
}

var ruleSQ106 = &Rule{
	Code:     "SQ106",
	Name:     "association-one-sided",
	Severity: Optimization,
	Title:    "Association declared in one direction only",
	Run:      runSQ106,
}

func runSQ106(p *Pass) error {
	inverse := map[string][]string{"belongsTo": {"hasMany", "hasOne"}, "hasMany": {"belongsTo"}, "hasOne": {"belongsTo"}}
	for _, m := range p.Models {
		if !p.judgedModel(m) {
			continue
		}
		for _, as := range m.Associations {
			kinds, ok := inverse[as.Kind]
			if !ok || as.Source != m.Name || modelByName(p.Models, as.Target) == nil {
				continue
			}
			found := false
			for _, other := range p.Models {
				for _, b := range other.Associations {
					found = found || (b.Source == as.Target && b.Target == as.Source && slices.Contains(kinds, b.Kind))
				}
			}
			if found {
				continue
			}
			p.ReportAt(firstValid(as.Span, m.Span), "assoc "+as.Kind+" "+as.Source+" "+as.Target,
				fmt.Sprintf("`%s.%s(%s)` has no inverse `%s.%s(%s)`: eager loading and `include` work from one side only.", as.Source, as.Kind, as.Target, as.Target, strings.Join(kinds, "/"), as.Source),
				fmt.Sprintf("Declare the inverse association on `%s` in its `associate(models)`.", as.Target))
		}
	}
	return nil
}

var ruleSQ107 = &Rule{
	Code:     "SQ107",
	Name:     "model-changed-without-migration",
	Severity: High,
	Title:    "Model changed in a way no migration of the change applies",
	Run:      runSQ107,
}

func runSQ107(p *Pass) error {
	if !p.Settings.Base {
		return nil
	}
	p.modelTables(func(m *ir.Model, t *schema.Table) {
		if s := p.Settings.Changed[m.Span.Path]; s != "added" && s != "modified" && s != "renamed" {
			return
		}
		if p.touchedByChange(m.Table) {
			return
		}
		var drift []string
		if t == nil {
			drift = append(drift, "its table `"+m.Table+"` does not exist")
		} else {
			for _, a := range m.Attributes {
				if a.Virtual || a.Column == nil {
					continue
				}
				if c := t.Column(a.Field); c == nil {
					drift = append(drift, "`"+a.Field+"` has no column")
				} else if d := columnDiffs(a, c); len(d) > 0 {
					drift = append(drift, "`"+a.Field+"`: "+d[0])
				}
			}
		}
		if len(drift) == 0 {
			return
		}
		p.ReportAt(m.Span, "drift "+m.Table,
			fmt.Sprintf("Model `%s` changed in this pull request, but no migration in it changes `%s`, and the model no longer matches the schema: %s.", m.Name, m.Table, strings.Join(drift, "; ")),
			"Add a migration that brings the schema to what the model now declares.")
	})
	return nil
}

var ruleDS103 = &Rule{
	Code:     "DS103",
	Name:     "sync-force-or-alter",
	Severity: Critical,
	Title:    "sync({ force }) / sync({ alter }) / dropAllTables() outside tests",
	Run:      runDS103,
}

func runDS103(p *Pass) error {
	report := func(op ir.Op) {
		msg, advice := "", "Manage the schema with migrations only; keep sync() for tests, behind a check of NODE_ENV === 'test'."
		switch op.Origin {
		case "sequelize.sync:force":
			msg = fmt.Sprintf("`%s` drops and recreates every table of the models it covers: run against production it deletes all their data.", op.Text)
		case "sequelize.sync:alter":
			msg = fmt.Sprintf("`%s` lets Sequelize alter tables to match the models, dropping and changing columns without review, rollback or locking control.", op.Text)
		case "sequelize.dropAllTables":
			msg = fmt.Sprintf("`%s` drops every table of the database.", firstNonEmpty(op.Text, "dropAllTables()"))
			advice = "Drop tables by name in a reviewed migration; never call dropAllTables outside test setup."
		default:
			return
		}
		p.ReportAt(op.Span, op.Origin+" "+op.Text, msg, advice)
	}
	for _, op := range p.App {
		if p.Settings.Base {
			if s := p.Settings.Changed[op.Span.Path]; s == "" || s == "deleted" {
				continue
			}
		}
		report(op)
	}
	for _, st := range p.Judged() {
		for _, op := range st.Migration.Up {
			report(op)
		}
	}
	return nil
}

var ruleBC105 = &Rule{
	Code:     "BC105",
	Name:     "change-column-resets",
	Severity: High,
	Title:    "changeColumn silently drops attributes of the previous definition",
	Run:      runBC105,
}

func runBC105(p *Pass) error {
	for _, st := range p.Judged() {
		for i := range st.Up {
			r := &st.Up[i]
			if r.Op.Origin != "sequelize.changeColumn" {
				continue
			}
			table, specs := Specs(r.Op.Change)
			prevT := r.Before.Table(table)
			for _, s := range specs {
				mc, ok := s.(*schema.ModifyColumn)
				if !ok || mc.Column == nil {
					continue
				}
				prev := prevT.Column(mc.Name)
				if prev == nil {
					continue
				}
				lost := resetAttributes(prev, mc.Column)
				if len(lost) == 0 {
					continue
				}
				p.ReportAt(r.Op.AttrSpan("column:"+mc.Column.Name), "reset "+table+"."+mc.Name+" "+r.Op.Text,
					fmt.Sprintf("`changeColumn('%s', '%s', …)` replaces the whole column definition, and this one omits what the column had: %s. Sequelize sends CHANGE with only what you pass, so these are dropped silently.", table, mc.Name, strings.Join(lost, "; ")),
					"Restate every attribute you want to keep in the changeColumn call (allowNull, defaultValue, comment, autoIncrement).")
			}
		}
	}
	return nil
}

// resetAttributes lists what a new column definition drops from the old.
func resetAttributes(prev, next *schema.Column) []string {
	var lost []string
	if !prev.Nullable && next.Nullable {
		lost = append(lost, "`allowNull: false` (the column becomes nullable)")
	}
	if prev.Default != nil && next.Default == nil {
		lost = append(lost, fmt.Sprintf("its default (%s)", defaultText(prev.Default)))
	}
	if prev.AutoIncrement && !next.AutoIncrement {
		lost = append(lost, "AUTO_INCREMENT")
	}
	if prev.OnUpdate != "" && next.OnUpdate == "" {
		lost = append(lost, "ON UPDATE "+prev.OnUpdate)
	}
	if prev.Comment != "" && next.Comment == "" {
		lost = append(lost, fmt.Sprintf("its comment (%q)", prev.Comment))
	}
	return lost
}

func defaultText(d *schema.Default) string {
	switch {
	case d.Null:
		return "NULL"
	case d.Expr:
		return d.Value
	}
	return "'" + d.Value + "'"
}

var ruleDT101 = &Rule{
	Code:     "DT101",
	Name:     "required-without-default",
	Severity: Medium,
	Title:    "Required model attribute without a default that is not optional at creation",
	Run:      runDT101,
}

func runDT101(p *Pass) error {
	for _, m := range p.Models {
		if len(m.Problems) > 0 {
			continue
		}
		if p.Settings.Base {
			if s := p.Settings.Changed[m.Span.Path]; s == "" || s == "deleted" {
				continue
			}
		}
		for _, a := range m.Attributes {
			if a.Virtual || a.Implicit || a.PrimaryKey || a.HasDefault || a.Column == nil || a.Column.Nullable || a.Column.AutoIncrement || a.Column.Default != nil {
				continue
			}
			if slices.Contains(m.Optional, a.Name) || a.References != nil {
				continue
			}
			p.ReportAt(a.Span, "required "+m.Name+"."+a.Name,
				fmt.Sprintf("`%s.%s` is required (allowNull: false) with no defaultValue, and it is not listed in the creation attributes' Optional<…>: code paths that create a `%s` without it fail at run time (notNull Violation), not at compile time.", m.Name, a.Name, m.Name),
				fmt.Sprintf("Give `%s` a defaultValue, or declare the creation attributes as `Optional<%sAttributes, '%s'>` only if something else always sets it.", a.Name, m.Name, a.Name))
		}
	}
	return nil
}
