package sequelize

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/load/sqlmig"
	"github.com/migration-guardian/guardian/internal/schema"
)

// opPayload is what the queryInterface stub records for one call; which
// fields are set depends on Method.
type opPayload struct {
	Method     string     `json:"method"`
	InTx       bool       `json:"inTx"`
	Name       *string    `json:"name"`
	HasName    bool       `json:"hasName"`
	Table      *string    `json:"table"`
	TableText  string     `json:"tableText"`
	To         *string    `json:"to"`
	ToText     string     `json:"toText"`
	Column     *string    `json:"column"`
	ColumnText string     `json:"columnText"`
	NameText   string     `json:"nameText"`
	Attrs      []attrDesc `json:"attrs"`
	Attr       *attrDesc  `json:"attr"`
	Options    struct {
		Engine     *string `json:"engine"`
		Charset    *string `json:"charset"`
		Collate    *string `json:"collate"`
		Comment    *string `json:"comment"`
		RowFormat  *string `json:"rowFormat"`
		UniqueKeys []struct {
			Name   string   `json:"name"`
			Fields []string `json:"fields"`
		} `json:"uniqueKeys"`
	} `json:"options"`
	Fields     []fieldDesc `json:"fields"`
	Prefix     *string     `json:"prefix"`
	Unique     bool        `json:"unique"`
	Type       *string     `json:"type"`
	RefTable   *string     `json:"refTable"`
	RefText    string      `json:"refText"`
	RefFields  []string    `json:"refFields"`
	OnDelete   *string     `json:"onDelete"`
	OnUpdate   *string     `json:"onUpdate"`
	Where      *string     `json:"where"`
	HasDefault bool        `json:"hasDefault"`
	Columns    []string    `json:"columns"`
	Rows       int         `json:"rows"`
	RecordsOK  bool        `json:"recordsOK"`
	Limit      bool        `json:"limit"`
	Skip       []string    `json:"skip"`
	SQL        *string     `json:"sql"`
	Text       string      `json:"text"`
}

// fieldDesc is an index or constraint field.
type fieldDesc struct {
	Column  *string  `json:"column"`
	Expr    *string  `json:"expr"`
	Length  *float64 `json:"length"`
	Order   *string  `json:"order"`
	Collate *string  `json:"collate"`
	Bad     *string  `json:"bad"`
}

// callSite is where a recorded call was made, with its finer positions.
type callSite struct {
	span  ir.Span
	attrs map[string]ir.Span
	// sqlLine is the line of the first argument (sequelize.query's SQL).
	sqlLine int
}

// lowerer turns recorded calls into IR ops with Sequelize v6 MySQL
// semantics. When state is set (dynamic re-evaluation), the calls that read
// the database in Sequelize (renameColumn, removeColumn, removeConstraint,
// dropAllTables) lower against it; state advances with every op.
type lowerer struct {
	path  string
	state *schema.Schema
}

func (l *lowerer) advance(ops []ir.Op) {
	if l.state == nil {
		return
	}
	for _, op := range ops {
		if op.Change == nil {
			continue
		}
		if next, err := schema.Apply(l.state, op.Change, schema.Options{}); err == nil && next != nil {
			l.state = next
		}
	}
}

func notAnalyzed(site callSite, method, reason string) ir.Op {
	return ir.Op{Span: site.span, Origin: "sequelize." + method, Attrs: site.attrs, NotAnalyzed: reason, Text: "queryInterface." + method + "(...)"}
}

// lower interprets one call.
func (l *lowerer) lower(p *opPayload, site callSite) []ir.Op {
	ops := l.lowerCall(p, site)
	for i := range ops {
		if p.InTx {
			ops[i].InTransaction = true
		}
		if ops[i].Origin == "" {
			ops[i].Origin = "sequelize." + p.Method
		}
		if ops[i].Span.Path == "" {
			ops[i].Span = site.span
		}
		if ops[i].Attrs == nil && len(site.attrs) > 0 {
			ops[i].Attrs = site.attrs
		}
		if ops[i].Text == "" && ops[i].Change != nil {
			ops[i].Text = oneLine(schema.RenderChange(ops[i].Change))
		}
	}
	l.advance(ops)
	return ops
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func one(c schema.Change) []ir.Op { return []ir.Op{{Change: c}} }

func alter(table string, specs ...schema.AlterSpec) []ir.Op {
	return one(&schema.AlterTable{Table: table, Specs: specs})
}

func (l *lowerer) lowerCall(p *opPayload, site callSite) []ir.Op {
	m := p.Method
	if m == "unknown" {
		return []ir.Op{notAnalyzed(site, sp(p.Name), fmt.Sprintf("queryInterface.%s is not a queryInterface method the guardian interprets", sp(p.Name)))}
	}
	if m == "query" {
		if p.SQL == nil {
			return []ir.Op{notAnalyzed(site, m, "sequelize.query was given SQL that is not a string: "+p.Text)}
		}
		line := site.sqlLine
		if line == 0 {
			line = site.span.Line
		}
		ops := sqlmig.ParseStatements(l.path, []byte(*p.SQL), line)
		for i := range ops {
			ops[i].Origin = "sequelize.query"
			if ops[i].Span.Path == "" {
				ops[i].Span = site.span
			}
		}
		if len(ops) == 0 {
			return []ir.Op{{Change: &schema.Other{Kind: "EMPTY"}, Text: "sequelize.query('')"}}
		}
		return ops
	}
	needTable := m != "dropAllTables"
	if needTable && p.Table == nil {
		return []ir.Op{notAnalyzed(site, m, fmt.Sprintf("queryInterface.%s: the table name is not a string (%s)", m, p.TableText))}
	}
	table := sp(p.Table)
	switch m {
	case "createTable":
		return l.createTable(table, p, site)
	case "dropTable":
		return one(&schema.DropTable{Names: []string{table}, IfExists: true})
	case "dropAllTables":
		return l.dropAllTables(p)
	case "renameTable":
		if p.To == nil {
			return []ir.Op{notAnalyzed(site, m, "queryInterface.renameTable: the new name is not a string ("+p.ToText+")")}
		}
		return one(&schema.RenameTable{Pairs: []schema.RenamePair{{From: table, To: *p.To}}})
	case "addColumn", "changeColumn":
		if p.Column == nil {
			return []ir.Op{notAnalyzed(site, m, fmt.Sprintf("queryInterface.%s: the column name is not a string (%s)", m, p.ColumnText))}
		}
		if p.Attr == nil {
			return []ir.Op{notAnalyzed(site, m, fmt.Sprintf("queryInterface.%s(%q, %q): no attribute definition", m, table, *p.Column))}
		}
		if m == "addColumn" {
			return l.addColumn(table, *p.Column, p.Attr, site)
		}
		return l.changeColumn(table, *p.Column, p.Attr, site)
	case "removeColumn":
		if p.Column == nil {
			return []ir.Op{notAnalyzed(site, m, "queryInterface.removeColumn: the column name is not a string ("+p.ColumnText+")")}
		}
		return l.removeColumn(table, *p.Column)
	case "renameColumn":
		if p.Column == nil || p.To == nil {
			return []ir.Op{notAnalyzed(site, m, "queryInterface.renameColumn: a column name is not a string")}
		}
		return l.renameColumn(table, *p.Column, *p.To)
	case "addIndex":
		return l.addIndex(table, p, site)
	case "removeIndex":
		name := sp(p.Name)
		if p.Name == nil {
			if len(p.Fields) == 0 {
				return []ir.Op{notAnalyzed(site, m, "queryInterface.removeIndex: the index is neither a name nor a list of fields ("+p.NameText+")")}
			}
			cols := make([]string, 0, len(p.Fields))
			for _, f := range p.Fields {
				cols = append(cols, sp(f.Column))
			}
			name = underscore(table + "_" + strings.Join(cols, "_"))
		}
		return alter(table, &schema.DropIndex{Name: name})
	case "addConstraint":
		return l.addConstraint(table, p, site)
	case "removeConstraint":
		if p.Name == nil {
			return []ir.Op{notAnalyzed(site, m, "queryInterface.removeConstraint: the constraint name is not a string ("+p.NameText+")")}
		}
		return l.removeConstraint(table, *p.Name)
	case "bulkInsert", "insert", "upsert":
		if !p.RecordsOK {
			return []ir.Op{notAnalyzed(site, m, "queryInterface."+m+": the records are not an array")}
		}
		return one(&schema.Insert{Table: table, Columns: p.Columns, Rows: p.Rows})
	case "bulkUpdate", "update":
		w := sp(p.Where)
		return one(&schema.Update{Table: table, Columns: p.Columns, HasWhere: w != "", HasLimit: p.Limit, Where: w})
	case "bulkDelete", "delete":
		w := sp(p.Where)
		return one(&schema.Delete{Table: table, HasWhere: w != "", HasLimit: p.Limit, Where: w})
	}
	return []ir.Op{notAnalyzed(site, m, "queryInterface."+m+" is not interpreted")}
}

// keysFor lowers the keys an attribute declares inline: UNIQUE (unnamed:
// MySQL names it after the column, or <column>_2... when that is taken) and
// PRIMARY KEY.
func keysFor(col string, a *attrDesc) []schema.AlterSpec {
	var out []schema.AlterSpec
	if a.UniqueTrue {
		out = append(out, &schema.AddIndex{Index: &schema.Index{Unique: true, Parts: []schema.IndexPart{{Column: col}}}})
	}
	if a.PrimaryKey {
		out = append(out, &schema.AddIndex{Index: &schema.Index{Name: "PRIMARY", Primary: true, Unique: true, Parts: []schema.IndexPart{{Column: col}}}})
	}
	return out
}

// fkFor is the FOREIGN KEY a `references` renders: the referenced key
// defaults to id and the rules are exactly those given (none by default).
func fkFor(name, col string, a *attrDesc) (*schema.ForeignKey, error) {
	r := a.References
	if r.Table == nil || *r.Table == "" {
		return nil, fmt.Errorf("references.model is not a table name (%s)", r.Text)
	}
	key := r.Key
	if key == "" {
		key = "id"
	}
	return &schema.ForeignKey{Name: name, Columns: []string{col}, RefTable: *r.Table, RefColumns: []string{key}, OnDelete: strings.ToUpper(sp(a.OnDelete)), OnUpdate: strings.ToUpper(sp(a.OnUpdate))}, nil
}

func (l *lowerer) createTable(table string, p *opPayload, site callSite) []ir.Op {
	t := &schema.Table{Name: table, Options: schema.TableOptions{Engine: "InnoDB"}}
	if e := sp(p.Options.Engine); e != "" {
		t.Options.Engine = e
	}
	t.Options.Charset = strings.ToLower(sp(p.Options.Charset))
	t.Options.Collation = strings.ToLower(sp(p.Options.Collate))
	t.Options.Comment = sp(p.Options.Comment)
	t.Options.RowFormat = strings.ToUpper(sp(p.Options.RowFormat))
	var pk []schema.IndexPart
	var uniques []*schema.Index
	for i := range p.Attrs {
		a := &p.Attrs[i]
		name := a.Name
		if f := sp(a.Field); f != "" {
			name = f
		}
		col, _, virtual, err := columnFrom(name, a)
		if virtual {
			continue
		}
		if err != nil {
			op := notAnalyzed(site, "createTable", fmt.Sprintf("queryInterface.createTable(%q): column %q: %v", table, name, err))
			op.Span = site.attrSpan("column:" + name)
			return []ir.Op{op}
		}
		t.Columns = append(t.Columns, col)
		if a.PrimaryKey {
			pk = append(pk, schema.IndexPart{Column: name})
		}
		if a.UniqueTrue {
			uniques = append(uniques, &schema.Index{Name: name, Unique: true, Parts: []schema.IndexPart{{Column: name}}})
		}
		if a.References != nil {
			fk, err := fkFor("", name, a)
			if err != nil {
				op := notAnalyzed(site, "createTable", fmt.Sprintf("queryInterface.createTable(%q): column %q: %v", table, name, err))
				op.Span = site.attrSpan("column:" + name + ".references")
				return []ir.Op{op}
			}
			// MySQL names unnamed foreign keys <table>_ibfk_<n> in order.
			fk.Name = fmt.Sprintf("%s_ibfk_%d", table, len(t.ForeignKeys)+1)
			t.ForeignKeys = append(t.ForeignKeys, fk)
		}
	}
	for _, uk := range p.Options.UniqueKeys {
		ix := &schema.Index{Name: uk.Name, Unique: true}
		for _, f := range uk.Fields {
			ix.Parts = append(ix.Parts, schema.IndexPart{Column: f})
		}
		uniques = append(uniques, ix)
	}
	if len(pk) > 0 {
		t.Indexes = append(t.Indexes, &schema.Index{Name: "PRIMARY", Primary: true, Unique: true, Parts: pk})
	}
	t.Indexes = append(t.Indexes, dedupeIndexNames(uniques)...)
	return one(&schema.CreateTable{Table: t, IfNotExists: true})
}

// dedupeIndexNames applies MySQL's naming of implicit unique keys: a second
// key with a taken name gets _2, _3...
func dedupeIndexNames(ixs []*schema.Index) []*schema.Index {
	seen := map[string]bool{}
	for _, ix := range ixs {
		base, n := ix.Name, 2
		for seen[strings.ToLower(ix.Name)] {
			ix.Name = base + "_" + strconv.Itoa(n)
			n++
		}
		seen[strings.ToLower(ix.Name)] = true
	}
	return ixs
}

func (s callSite) attrSpan(key string) ir.Span {
	if sp, ok := s.attrs[key]; ok && sp.Valid() {
		return sp
	}
	return s.span
}

func (l *lowerer) addColumn(table, name string, a *attrDesc, site callSite) []ir.Op {
	col, _, virtual, err := columnFrom(name, a)
	if virtual {
		return one(&schema.Other{Kind: "VIRTUAL"})
	}
	if err != nil {
		return []ir.Op{notAnalyzed(site, "addColumn", fmt.Sprintf("queryInterface.addColumn(%q, %q): %v", table, name, err))}
	}
	ac := &schema.AddColumn{Column: col, Inline: keysFor(name, a)}
	if a.First {
		ac.Position.First = true
	} else if a.After != nil {
		ac.Position.After = *a.After
	}
	specs := []schema.AlterSpec{ac}
	if a.References != nil {
		// The MySQL query generator adds a named constraint in the same
		// ALTER: ADD CONSTRAINT `<table>_<column>_foreign_idx` FOREIGN KEY.
		fk, err := fkFor(table+"_"+name+"_foreign_idx", name, a)
		if err != nil {
			op := notAnalyzed(site, "addColumn", fmt.Sprintf("queryInterface.addColumn(%q, %q): %v", table, name, err))
			op.Span = site.attrSpan("column:" + name + ".references")
			return []ir.Op{op}
		}
		specs = append(specs, &schema.AddForeignKey{ForeignKey: fk})
	}
	return alter(table, specs...)
}

// changeColumn follows the MySQL query generator: a definition with
// `references` only adds an (unnamed) FOREIGN KEY and leaves the column as
// it is; any other definition replaces the whole column (CHANGE c c def).
func (l *lowerer) changeColumn(table, name string, a *attrDesc, site callSite) []ir.Op {
	if a.References != nil {
		fk, err := fkFor("", name, a)
		if err != nil {
			return []ir.Op{notAnalyzed(site, "changeColumn", fmt.Sprintf("queryInterface.changeColumn(%q, %q): %v", table, name, err))}
		}
		return alter(table, &schema.AddForeignKey{ForeignKey: fk})
	}
	col, _, virtual, err := columnFrom(name, a)
	if virtual {
		return one(&schema.Other{Kind: "VIRTUAL"})
	}
	if err != nil {
		return []ir.Op{notAnalyzed(site, "changeColumn", fmt.Sprintf("queryInterface.changeColumn(%q, %q): %v", table, name, err))}
	}
	mc := &schema.ModifyColumn{Name: name, Column: col, Inline: keysFor(name, a)}
	if a.First {
		mc.Position.First = true
	} else if a.After != nil {
		mc.Position.After = *a.After
	}
	return alter(table, mc)
}

// removeColumn: the MySQL queryInterface first drops every foreign key on
// the column (it reads them from information_schema), then the column.
func (l *lowerer) removeColumn(table, col string) []ir.Op {
	var ops []ir.Op
	for _, fk := range l.state.Table(table).ForeignKeysOn(col) {
		ops = append(ops, alter(table, &schema.DropForeignKey{Name: fk.Name})...)
	}
	return append(ops, alter(table, &schema.DropColumn{Name: col})...)
}

// renameColumn: Sequelize describes the table and issues CHANGE old new
// with the described type, nullability and default only, so other
// attributes (AUTO_INCREMENT, comment, ON UPDATE) are lost. Without state
// it lowers to a plain RENAME COLUMN.
func (l *lowerer) renameColumn(table, from, to string) []ir.Op {
	if t := l.state.Table(table); t != nil {
		if c := t.Column(from); c != nil {
			nc := &schema.Column{Name: to, Type: c.Type, Nullable: c.Nullable}
			if c.Default != nil && !(c.Default.Null && !c.Nullable) {
				d := *c.Default
				nc.Default = &d
			}
			return alter(table, &schema.ModifyColumn{Name: from, Column: nc})
		}
	}
	return alter(table, &schema.RenameColumn{From: from, To: to})
}

// removeConstraint: Sequelize looks the constraint up and drops a foreign
// key with DROP FOREIGN KEY and anything else with DROP INDEX.
func (l *lowerer) removeConstraint(table, name string) []ir.Op {
	if t := l.state.Table(table); t != nil {
		if t.ForeignKey(name) != nil {
			return alter(table, &schema.DropForeignKey{Name: name})
		}
		if t.Index(name) != nil || t.Check(name) != nil {
			return alter(table, &schema.DropIndex{Name: name})
		}
	}
	return alter(table, &schema.DropConstraint{Name: name})
}

// dropAllTables drops every foreign key, then every table not skipped.
func (l *lowerer) dropAllTables(p *opPayload) []ir.Op {
	if l.state == nil {
		return one(&schema.DropTable{IfExists: true})
	}
	skip := map[string]bool{}
	for _, s := range p.Skip {
		skip[s] = true
	}
	var ops []ir.Op
	for _, t := range l.state.Tables {
		for _, fk := range t.ForeignKeys {
			ops = append(ops, alter(t.Name, &schema.DropForeignKey{Name: fk.Name})...)
		}
	}
	for _, t := range l.state.Tables {
		if !skip[t.Name] {
			ops = append(ops, one(&schema.DropTable{Names: []string{t.Name}, IfExists: true})...)
		}
	}
	if len(ops) == 0 {
		return one(&schema.Other{Kind: "DROP ALL TABLES"})
	}
	return ops
}

func partsOf(fields []fieldDesc) ([]schema.IndexPart, []string, error) {
	var parts []schema.IndexPart
	var names []string
	for _, f := range fields {
		switch {
		case f.Column != nil:
			parts = append(parts, schema.IndexPart{Column: *f.Column, Length: ival(f.Length), Desc: strings.EqualFold(sp(f.Order), "DESC")})
			names = append(names, *f.Column)
		case f.Expr != nil:
			parts = append(parts, schema.IndexPart{Expr: *f.Expr})
			names = append(names, *f.Expr)
		default:
			return nil, nil, fmt.Errorf("index field %s has no name", sp(f.Bad))
		}
	}
	return parts, names, nil
}

func (l *lowerer) addIndex(table string, p *opPayload, site callSite) []ir.Op {
	if len(p.Fields) == 0 {
		return []ir.Op{notAnalyzed(site, "addIndex", fmt.Sprintf("queryInterface.addIndex(%q): no fields", table))}
	}
	parts, names, err := partsOf(p.Fields)
	if err != nil {
		return []ir.Op{notAnalyzed(site, "addIndex", fmt.Sprintf("queryInterface.addIndex(%q): %v", table, err))}
	}
	name := sp(p.Name)
	if !p.HasName || p.Name == nil {
		prefix := table
		if p.Prefix != nil {
			prefix = *p.Prefix
		}
		name = underscore(prefix + "_" + strings.Join(names, "_"))
	}
	ix := &schema.Index{Name: name, Parts: parts, Unique: p.Unique}
	switch strings.ToUpper(sp(p.Type)) {
	case "UNIQUE":
		ix.Unique = true
	case "FULLTEXT":
		ix.Kind = "FULLTEXT"
	case "SPATIAL":
		ix.Kind = "SPATIAL"
	}
	return alter(table, &schema.AddIndex{Index: ix})
}

func (l *lowerer) addConstraint(table string, p *opPayload, site callSite) []ir.Op {
	typ := strings.ToUpper(strings.TrimSpace(sp(p.Type)))
	if typ == "" {
		return []ir.Op{notAnalyzed(site, "addConstraint", fmt.Sprintf("queryInterface.addConstraint(%q): constraint type is not a string", table))}
	}
	if typ == "DEFAULT" {
		return []ir.Op{notAnalyzed(site, "addConstraint", fmt.Sprintf("queryInterface.addConstraint(%q, {type: 'default'}): Sequelize throws on MySQL (default constraints are MSSQL only)", table))}
	}
	if len(p.Fields) == 0 {
		return []ir.Op{notAnalyzed(site, "addConstraint", fmt.Sprintf("queryInterface.addConstraint(%q): fields must be specified", table))}
	}
	parts, names, err := partsOf(p.Fields)
	if err != nil {
		return []ir.Op{notAnalyzed(site, "addConstraint", fmt.Sprintf("queryInterface.addConstraint(%q): %v", table, err))}
	}
	joined := table + "_" + strings.Join(names, "_")
	name := sp(p.Name)
	switch typ {
	case "UNIQUE":
		if name == "" {
			name = joined + "_uk"
		}
		return alter(table, &schema.AddIndex{Index: &schema.Index{Name: name, Unique: true, Parts: parts}})
	case "PRIMARY KEY":
		return alter(table, &schema.AddIndex{Index: &schema.Index{Name: "PRIMARY", Primary: true, Unique: true, Parts: parts}})
	case "CHECK":
		if name == "" {
			name = joined + "_ck"
		}
		return alter(table, &schema.AddCheck{Check: &schema.Check{Name: name, Expr: sp(p.Where)}})
	case "FOREIGN KEY":
		if p.RefTable == nil || len(p.RefFields) == 0 {
			return []ir.Op{notAnalyzed(site, "addConstraint", fmt.Sprintf("queryInterface.addConstraint(%q): references.table and references.field must be given", table))}
		}
		if name == "" {
			name = joined + "_" + *p.RefTable + "_fk"
		}
		return alter(table, &schema.AddForeignKey{ForeignKey: &schema.ForeignKey{
			Name: name, Columns: names, RefTable: *p.RefTable, RefColumns: p.RefFields,
			OnDelete: strings.ToUpper(sp(p.OnDelete)), OnUpdate: strings.ToUpper(sp(p.OnUpdate)),
		}})
	}
	return []ir.Op{notAnalyzed(site, "addConstraint", fmt.Sprintf("queryInterface.addConstraint(%q): unknown constraint type %q", table, typ))}
}
