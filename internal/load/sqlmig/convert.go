package sqlmig

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/format"
	"github.com/pingcap/tidb/pkg/parser/mysql"
	"github.com/pingcap/tidb/pkg/parser/test_driver"
	"github.com/pingcap/tidb/pkg/parser/types"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// ParseStatements splits src into statements and interprets each one. Lines
// are numbered from firstLine, so a caller that extracted src from a larger
// file (a down section, the SQL string of a sequelize.query call) can place
// the statements at their real lines. Every op has Origin "sql", the
// statement's span in path, and either a Change or a NotAnalyzed reason.
func ParseStatements(path string, src []byte, firstLine int) []ir.Op {
	if firstLine < 1 {
		firstLine = 1
	}
	stmts := splitFrom(src, firstLine)
	if len(stmts) == 0 {
		return nil
	}
	p, _ := parsers.Get().(*parser.Parser)
	if p == nil {
		p = parser.New()
	}
	c := &converter{path: path, p: p, prepared: map[string]bool{}}
	ops := make([]ir.Op, 0, len(stmts))
	for _, st := range stmts {
		ops = append(ops, c.statement(st))
	}
	parsers.Put(c.p)
	return ops
}

// parsers recycles TiDB parsers, which are costly to build; a parser is not
// safe for concurrent use, so each ParseStatements call takes its own.
var parsers sync.Pool

// converter interprets the statements of one file.
type converter struct {
	path string
	p    *parser.Parser
	// prepared records the PREPAREd statement names whose text was a literal.
	prepared map[string]bool
}

// statement interprets one statement; it never panics.
func (c *converter) statement(st Statement) (op ir.Op) {
	op = ir.Op{
		Span:   ir.Span{Path: c.path, Line: st.Line, EndLine: st.EndLine},
		Text:   st.Text,
		Origin: "sql",
	}
	defer func() {
		if r := recover(); r != nil {
			op.Change, op.Attrs = nil, nil
			op.NotAnalyzed = fmt.Sprintf("statement could not be interpreted (internal error: %v)", r)
		}
	}()
	// Only table definitions need every token; data statements, which can
	// be megabytes of VALUES, are classified from their first words.
	toks := tokenizeN(st.Text, 32)
	if len(toks) == 32 && (toks[0].is("CREATE") || toks[0].is("ALTER")) {
		toks = tokenize(st.Text)
	}
	if kind := programKind(toks); kind != "" {
		op.Change = &schema.Other{Kind: kind}
		return op
	}
	if len(toks) >= 2 && toks[0].is("PREPARE") {
		name := strings.ToLower(toks[1].val)
		if len(toks) == 4 && toks[2].is("FROM") && toks[3].kind == tokString {
			c.prepared[name] = true
			inner := toks[3].val
			// Attrs are dropped: lines inside a string literal are not the
			// file's lines.
			op.Change, _, op.NotAnalyzed = c.interpret(inner, tokenize(inner), st.Line)
			return op
		}
		c.prepared[name] = false
		op.NotAnalyzed = "dynamic SQL built at run time (PREPARE … FROM a variable): the statement it runs is unknown"
		return op
	}
	if len(toks) >= 2 && toks[0].is("EXECUTE") {
		if _, ok := c.prepared[strings.ToLower(toks[1].val)]; !ok {
			op.NotAnalyzed = "dynamic SQL built at run time (EXECUTE of a statement prepared elsewhere): the statement it runs is unknown"
			return op
		}
		// Reported (or interpreted) at its PREPARE.
		op.Change = &schema.Other{Kind: "EXECUTE"}
		return op
	}
	if len(toks) >= 1 && toks[0].is("DEALLOCATE") {
		op.Change = &schema.Other{Kind: "DEALLOCATE PREPARE"}
		return op
	}
	op.Change, op.Attrs, op.NotAnalyzed = c.interpret(st.Text, toks, st.Line)
	for k, s := range op.Attrs {
		s.Path = c.path
		op.Attrs[k] = s
	}
	return op
}

// programKind recognises the statements about stored programs and views
// (which the parser does not always understand and which do not change
// tables) from their leading words and returns their kind, e.g. "CREATE
// TRIGGER".
func programKind(toks []token) string {
	if len(toks) == 0 {
		return ""
	}
	var verb string
	switch {
	case toks[0].is("CREATE"), toks[0].is("DROP"), toks[0].is("ALTER"):
		verb = strings.ToUpper(toks[0].text)
	default:
		return ""
	}
	for i := 1; i < len(toks) && i < 12; i++ {
		t := toks[i]
		if t.kind != tokWord {
			continue
		}
		switch strings.ToUpper(t.text) {
		case "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "VIEW":
			return verb + " " + strings.ToUpper(t.text)
		case "TABLE", "INDEX", "DATABASE", "SCHEMA", "USER", "UNIQUE", "FULLTEXT", "SPATIAL", "TEMPORARY", "ON":
			return ""
		}
	}
	return ""
}

var lineColRE = regexp.MustCompile(`line (\d+) column (\d+)`)

// interpret parses one statement and converts it. toks are the statement's
// tokens; firstLine is the file line of the text's first line.
func (c *converter) interpret(text string, toks []token, firstLine int) (change schema.Change, attrs map[string]ir.Span, reason string) {
	sc := scanStatement(toks, firstLine)
	rw := rewrite(text, toks, sc.blank)
	charset := substituteCharsets(&rw, sc.charsets)
	node, err := c.parse(rw.text)
	if err != nil && len(sc.parenDefaults) > 0 {
		// The parser only reads DEFAULT (function()) and DEFAULT (literal);
		// MySQL 8 takes any expression. Hide the expressions and retry.
		if node2, rw2, err2 := c.parseWithoutDefaults(text, rw, sc); err2 == nil {
			node, rw, err = node2, rw2, nil
		}
	}
	if err != nil && len(toks) > 0 && (toks[0].is("INSERT") || toks[0].is("REPLACE")) {
		if rw2 := rewriteRowAlias(rw, tokenize(text)); rw2.text != rw.text {
			if node2, err2 := c.parse(rw2.text); err2 == nil {
				node, rw, err = node2, rw2, nil
			}
		}
	}
	if err != nil {
		msg := strings.TrimSpace(err.Error())
		msg = lineColRE.ReplaceAllStringFunc(msg, func(m string) string {
			sub := lineColRE.FindStringSubmatch(m)
			n, _ := strconv.Atoi(sub[1])
			return fmt.Sprintf("line %d column %s", firstLine+n-1, sub[2])
		})
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		return nil, nil, "the SQL parser could not read this statement: " + msg
	}
	change, reason = convertNode(node, rw, sc)
	if change == nil {
		return nil, nil, reason
	}
	if charset != "" {
		restoreCharset(change, charset)
	}
	// A reason beside a change names the part of the statement that was
	// not interpreted (e.g. PARTITION BY).
	return change, sc.attrs, reason
}

// parseWithoutDefaults parses the statement with every DEFAULT (expression)
// of a column definition replaced by DEFAULT (0); the expressions are kept
// in rw.defaults, as written.
func (c *converter) parseWithoutDefaults(text string, rw rewritten, sc *scan) (ast.StmtNode, rewritten, error) {
	b := []byte(rw.text)
	rw.defaults = map[string]string{}
	for _, d := range sc.parenDefaults {
		if d.close.off <= d.open.end {
			continue // DEFAULT (): the parser's error stands
		}
		rw.defaults[d.column] = strings.Join(strings.Fields(text[d.open.end:d.close.off]), " ")
		for i := d.open.end; i < d.close.off; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
		b[d.open.end] = '0'
	}
	rw.text = string(b)
	node, err := c.parse(rw.text)
	return node, rw, err
}

// parse runs the TiDB parser on one statement, turning a parser panic into
// an error.
func (c *converter) parse(text string) (node ast.StmtNode, err error) {
	defer func() {
		if r := recover(); r != nil {
			c.p = parser.New()
			node, err = nil, fmt.Errorf("parser crashed: %v", r)
		}
	}()
	return c.p.ParseOneStmt(text, "", "")
}

// rewritten is a statement adapted to what the TiDB parser accepts, with the
// facts the adaptation removed.
type rewritten struct {
	text string
	// spatial maps a column name (lower case) to its spatial type, which
	// was replaced by BLOB for the parser.
	spatial map[string]string
	// defaults maps a column name (lower case) to the text of its DEFAULT
	// (expression), when the parser saw DEFAULT (0) instead.
	defaults map[string]string
	// spatialIndex holds the comma-joined lower-case columns of SPATIAL
	// indexes written in a table definition, which became plain indexes.
	spatialIndex map[string]bool
}

var spatialTypes = map[string]string{
	"GEOMETRY": "geometry", "POINT": "point", "LINESTRING": "linestring", "POLYGON": "polygon",
	"MULTIPOINT": "multipoint", "MULTILINESTRING": "multilinestring", "MULTIPOLYGON": "multipolygon",
	"GEOMETRYCOLLECTION": "geometrycollection", "GEOMCOLLECTION": "geometrycollection",
}

// rewrite replaces the MySQL syntax the TiDB parser rejects but that we can
// still interpret (spatial column types, SRID, SPATIAL INDEX in a table
// definition) by blanks or look-alikes of the same length, keeping offsets.
func rewrite(text string, toks []token, blanks []token) rewritten {
	rw := rewritten{text: text}
	needed := len(blanks) > 0
	if len(toks) == 0 || !toks[0].is("CREATE") && !toks[0].is("ALTER") {
		return rw // only table definitions are adapted
	}
	for _, t := range toks {
		if t.kind == tokWord && len(t.text) >= 4 && (spatialTypes[strings.ToUpper(t.text)] != "" || t.is("SPATIAL") || t.is("SRID")) {
			needed = true
			break
		}
	}
	if !needed {
		return rw
	}
	b := []byte(text)
	blank := func(t token) {
		for i := t.off; i < t.end && i < len(b); i++ {
			b[i] = ' '
		}
	}
	for _, t := range blanks {
		blank(t)
	}
	for i, t := range toks {
		if t.kind != tokWord {
			continue
		}
		u := strings.ToUpper(t.text)
		if base, ok := spatialTypes[u]; ok && i > 0 && toks[i-1].isName() && !(i+1 < len(toks) && toks[i+1].isPunct('(')) {
			if rw.spatial == nil {
				rw.spatial = map[string]string{}
			}
			rw.spatial[strings.ToLower(toks[i-1].val)] = base
			blank(t)
			copy(b[t.off:], "BLOB")
			continue
		}
		if u == "SRID" && i+1 < len(toks) && toks[i+1].kind == tokWord && isDigits(toks[i+1].text) {
			blank(t)
			blank(toks[i+1])
			continue
		}
		if u == "SPATIAL" && i+1 < len(toks) && (toks[i+1].is("INDEX") || toks[i+1].is("KEY")) && i > 0 && (toks[i-1].isPunct(',') || toks[i-1].isPunct('(') || toks[i-1].is("ADD")) {
			// A table element or ALTER clause: the parser only knows CREATE SPATIAL INDEX.
			j := i + 2
			for j < len(toks) && !toks[j].isPunct('(') {
				j++
			}
			if j < len(toks) {
				end := closeParen(toks, j)
				var cols []string
				for _, part := range splitTop(toks, j+1, end) {
					cols = append(cols, strings.ToLower(toks[part[0]].val))
				}
				if rw.spatialIndex == nil {
					rw.spatialIndex = map[string]bool{}
				}
				rw.spatialIndex[strings.Join(cols, ",")] = true
			}
			blank(t)
		}
	}
	rw.text = string(b)
	return rw
}

// rewriteRowAlias hides the row alias of INSERT … VALUES (…) AS new [(a, b)]
// ON DUPLICATE KEY UPDATE (MySQL 8.0.19+), which the parser does not know;
// the alias references that remain parse as ordinary qualified columns.
func rewriteRowAlias(rw rewritten, toks []token) rewritten {
	depth := 0
	for i, t := range toks {
		switch {
		case t.isPunct('('):
			depth++
		case t.isPunct(')'):
			depth--
		case depth == 0 && t.is("AS") && i > 0 && toks[i-1].isPunct(')') && i+1 < len(toks) && toks[i+1].isName():
			end := i + 2
			if end < len(toks) && toks[end].isPunct('(') {
				end = closeParen(toks, end) + 1
			}
			if end >= len(toks) || !toks[end].is("ON") {
				return rw
			}
			b := []byte(rw.text)
			for k := toks[i].off; k < toks[end-1].end && k < len(b); k++ {
				if b[k] != '\n' {
					b[k] = ' '
				}
			}
			rw.text = string(b)
			return rw
		}
	}
	return rw
}

// charsetStandIn replaces, for the parser, a character set it does not
// know; it is short enough to fit in the place of any charset name.
const charsetStandIn = "gbk"

// substituteCharsets replaces the character set names the parser rejects by
// charsetStandIn and returns the name replaced. It does nothing (and returns
// "") when the statement uses several such names or gbk itself, as the
// substitution could then not be undone.
func substituteCharsets(rw *rewritten, names []token) string {
	if len(names) == 0 {
		return ""
	}
	orig := strings.ToLower(names[0].text)
	for _, t := range names[1:] {
		if !strings.EqualFold(t.text, orig) {
			return ""
		}
	}
	if strings.Contains(strings.ToLower(rw.text), charsetStandIn) {
		return ""
	}
	b := []byte(rw.text)
	for _, t := range names {
		copy(b[t.off:t.end], charsetStandIn+strings.Repeat(" ", t.end-t.off-len(charsetStandIn)))
	}
	rw.text = string(b)
	return orig
}

// restoreCharset puts the real character set name back where the stand-in
// ended up in a converted change.
func restoreCharset(change schema.Change, name string) {
	fixType := func(c *schema.Column) {
		if c != nil && c.Type.Charset == charsetStandIn {
			c.Type.Charset = name
		}
	}
	fixOpts := func(o *schema.TableOptions) {
		if o.Charset == charsetStandIn {
			o.Charset = name
		}
	}
	var fixSpecs func(specs []schema.AlterSpec)
	fixSpecs = func(specs []schema.AlterSpec) {
		for _, sp := range specs {
			switch x := sp.(type) {
			case *schema.AddColumn:
				fixType(x.Column)
			case *schema.ModifyColumn:
				fixType(x.Column)
			case *schema.SetTableOptions:
				fixOpts(&x.Options)
			case *schema.ConvertCharset:
				if x.Charset == charsetStandIn {
					x.Charset = name
				}
			}
		}
	}
	switch x := change.(type) {
	case *schema.CreateTable:
		for _, c := range x.Table.Columns {
			fixType(c)
		}
		fixOpts(&x.Table.Options)
	case *schema.AlterTable:
		fixSpecs(x.Specs)
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// convertNode turns a parsed statement into a Change, or explains why not.
func convertNode(node ast.StmtNode, rw rewritten, sc *scan) (schema.Change, string) {
	switch n := node.(type) {
	case *ast.CreateTableStmt:
		return createTable(n, rw, sc)
	case *ast.DropTableStmt:
		if n.IsView {
			return &schema.Other{Kind: "DROP VIEW"}, ""
		}
		if n.TemporaryKeyword != ast.TemporaryNone {
			return &schema.Other{Kind: "DROP TEMPORARY TABLE"}, ""
		}
		d := &schema.DropTable{IfExists: n.IfExists}
		for _, t := range n.Tables {
			d.Names = append(d.Names, t.Name.O)
		}
		return d, ""
	case *ast.RenameTableStmt:
		r := &schema.RenameTable{}
		for _, p := range n.TableToTables {
			r.Pairs = append(r.Pairs, schema.RenamePair{From: p.OldTable.Name.O, To: p.NewTable.Name.O})
		}
		return r, ""
	case *ast.AlterTableStmt:
		return alterTable(n, rw, sc)
	case *ast.CreateIndexStmt:
		ix := &schema.Index{Name: n.IndexName, Parts: indexParts(n.IndexPartSpecifications)}
		switch n.KeyType {
		case ast.IndexKeyTypeUnique:
			ix.Unique = true
		case ast.IndexKeyTypeFulltext:
			ix.Kind = "FULLTEXT"
		case ast.IndexKeyTypeSpatial:
			ix.Kind = "SPATIAL"
		case ast.IndexKeyTypeNone:
		default:
			return nil, "unsupported index kind in CREATE INDEX"
		}
		applyIndexOption(ix, n.IndexOption)
		a := &schema.AlterTable{Table: n.Table.Name.O, Via: "CREATE INDEX",
			Specs: []schema.AlterSpec{&schema.AddIndex{Index: ix, IfNotExists: n.IfNotExists}}}
		if n.LockAlg != nil {
			a.Lock = lockName(n.LockAlg.LockTp)
		}
		a.Algorithm = sc.algorithm
		return a, ""
	case *ast.DropIndexStmt:
		a := &schema.AlterTable{Table: n.Table.Name.O, Via: "DROP INDEX"}
		if strings.EqualFold(n.IndexName, "PRIMARY") {
			a.Specs = []schema.AlterSpec{&schema.DropPrimaryKey{}}
		} else {
			a.Specs = []schema.AlterSpec{&schema.DropIndex{Name: n.IndexName, IfExists: n.IfExists}}
		}
		if n.LockAlg != nil {
			a.Lock = lockName(n.LockAlg.LockTp)
		}
		a.Algorithm = sc.algorithm
		return a, ""
	case *ast.InsertStmt:
		ins := &schema.Insert{Table: firstTable(n.Table)}
		for _, col := range n.Columns {
			ins.Columns = append(ins.Columns, col.Name.O)
		}
		if n.Select != nil {
			ins.FromSelect = true
		} else {
			ins.Rows = len(n.Lists)
		}
		return ins, ""
	case *ast.UpdateStmt:
		u := &schema.Update{Table: firstTable(n.TableRefs), HasWhere: n.Where != nil, HasLimit: n.Limit != nil}
		for _, a := range n.List {
			u.Columns = append(u.Columns, a.Column.Name.O)
		}
		if n.Where != nil {
			u.Where = restore(n.Where)
		}
		return u, ""
	case *ast.DeleteStmt:
		d := &schema.Delete{Table: firstTable(n.TableRefs), HasWhere: n.Where != nil, HasLimit: n.Limit != nil}
		if n.IsMultiTable && n.Tables != nil && len(n.Tables.Tables) > 0 {
			d.Table = n.Tables.Tables[0].Name.O
		}
		if n.Where != nil {
			d.Where = restore(n.Where)
		}
		return d, ""
	case *ast.TruncateTableStmt:
		return &schema.Truncate{Table: n.Table.Name.O}, ""
	}
	return &schema.Other{Kind: otherKind(node, sc)}, ""
}

// otherKind names a statement without schema effect, e.g. "SET" or "SELECT".
func otherKind(node ast.StmtNode, sc *scan) string {
	switch node.(type) {
	case *ast.SetStmt:
		return "SET"
	case *ast.SelectStmt, *ast.SetOprStmt:
		return "SELECT"
	case *ast.UseStmt:
		return "USE"
	case *ast.BeginStmt:
		return "START TRANSACTION"
	case *ast.CommitStmt:
		return "COMMIT"
	case *ast.RollbackStmt:
		return "ROLLBACK"
	case *ast.LockTablesStmt:
		return "LOCK TABLES"
	case *ast.UnlockTablesStmt:
		return "UNLOCK TABLES"
	case *ast.CreateViewStmt:
		return "CREATE VIEW"
	case *ast.CallStmt:
		return "CALL"
	}
	var words []string
	for _, t := range sc.toks {
		if t.kind != tokWord || len(words) == 2 {
			break
		}
		words = append(words, strings.ToUpper(t.text))
	}
	if len(words) == 0 {
		return "OTHER"
	}
	return strings.Join(words, " ")
}

func firstTable(refs *ast.TableRefsClause) string {
	if refs == nil || refs.TableRefs == nil {
		return ""
	}
	var find func(rs ast.ResultSetNode) string
	find = func(rs ast.ResultSetNode) string {
		switch x := rs.(type) {
		case *ast.TableSource:
			return find(x.Source)
		case *ast.TableName:
			return x.Name.O
		case *ast.Join:
			if s := find(x.Left); s != "" {
				return s
			}
			if x.Right != nil {
				return find(x.Right)
			}
		}
		return ""
	}
	return find(refs.TableRefs)
}

func createTable(n *ast.CreateTableStmt, rw rewritten, sc *scan) (schema.Change, string) {
	if n.TemporaryKeyword != ast.TemporaryNone {
		return &schema.Other{Kind: "CREATE TEMPORARY TABLE"}, ""
	}
	t := &schema.Table{Name: n.Table.Name.O}
	ct := &schema.CreateTable{Table: t, IfNotExists: n.IfNotExists}
	if n.ReferTable != nil {
		ct.Like = n.ReferTable.Name.O
		return ct, ""
	}
	partial := ""
	if n.Partition != nil {
		partial = "its PARTITION BY clause: the table is replayed without partitions, so MySQL's rules for partitioned tables (no foreign keys, every unique key must include the partitioning columns) are not checked"
	}
	if n.Select != nil {
		return nil, "CREATE TABLE … SELECT takes its columns from a query, which the guardian does not evaluate"
	}
	for _, def := range n.Cols {
		col, inline, checks := column(def, rw, sc)
		t.Columns = append(t.Columns, col)
		for _, spec := range inline {
			switch x := spec.(type) {
			case *schema.AddIndex:
				t.Indexes = append(t.Indexes, x.Index)
			case *schema.AddForeignKey:
				t.ForeignKeys = append(t.ForeignKeys, x.ForeignKey)
			}
		}
		t.Checks = append(t.Checks, checks...)
	}
	for _, con := range n.Constraints {
		spec, err := constraint(con, rw, sc)
		if err != "" {
			return nil, err
		}
		switch x := spec.(type) {
		case *schema.AddIndex:
			t.Indexes = append(t.Indexes, x.Index)
		case *schema.AddForeignKey:
			t.ForeignKeys = append(t.ForeignKeys, x.ForeignKey)
		case *schema.AddCheck:
			t.Checks = append(t.Checks, x.Check)
		}
	}
	// Primary key columns are NOT NULL whatever the definition says.
	if pk := t.PrimaryKey(); pk != nil {
		for _, p := range pk.Parts {
			if col := t.Column(p.Column); col != nil {
				col.Nullable = false
			}
		}
	}
	set, _ := tableOptions(n.Options)
	t.Options = set.Options
	return ct, partial
}

// column converts a column definition. It returns the keys declared inline
// (PRIMARY KEY, UNIQUE, REFERENCES) and inline CHECK constraints.
func column(def *ast.ColumnDef, rw rewritten, sc *scan) (*schema.Column, []schema.AlterSpec, []*schema.Check) {
	name := def.Name.Name.O
	col := &schema.Column{Name: name, Nullable: true, Type: fieldType(def.Tp)}
	if base, ok := rw.spatial[strings.ToLower(name)]; ok {
		col.Type = schema.Type{Base: base}
	}
	info := sc.columns[strings.ToLower(name)]
	// SERIAL needs no care: the parser adds its NOT NULL AUTO_INCREMENT UNIQUE.
	var inline []schema.AlterSpec
	var checks []*schema.Check
	for _, o := range def.Options {
		switch o.Tp {
		case ast.ColumnOptionNotNull:
			col.Nullable = false
		case ast.ColumnOptionNull:
			col.Nullable = true
		case ast.ColumnOptionAutoIncrement:
			col.AutoIncrement = true
		case ast.ColumnOptionDefaultValue:
			col.Default = defaultValue(o.Expr, info.defaultParen)
			if text, ok := rw.defaults[strings.ToLower(name)]; ok {
				col.Default = &schema.Default{Expr: true, Value: text}
			}
		case ast.ColumnOptionOnUpdate:
			col.OnUpdate = timeFunc(o.Expr)
		case ast.ColumnOptionComment:
			col.Comment = exprString(o.Expr)
		case ast.ColumnOptionGenerated:
			col.Generated = &schema.Generated{Expr: restore(o.Expr), Stored: o.Stored}
		case ast.ColumnOptionCollate:
			col.Type.Collation = strings.ToLower(o.StrValue)
		case ast.ColumnOptionPrimaryKey:
			col.Nullable = false
			inline = append(inline, &schema.AddIndex{Index: &schema.Index{Name: "PRIMARY", Primary: true, Unique: true, Parts: []schema.IndexPart{{Column: name}}}})
		case ast.ColumnOptionUniqKey:
			inline = append(inline, &schema.AddIndex{Index: &schema.Index{Unique: true, Parts: []schema.IndexPart{{Column: name}}}})
		case ast.ColumnOptionReference:
			if o.Refer != nil {
				fk := reference(o.Refer)
				fk.Columns = []string{name}
				fk.Inline = true
				inline = append(inline, &schema.AddForeignKey{ForeignKey: fk})
			}
		case ast.ColumnOptionCheck:
			checks = append(checks, &schema.Check{Name: o.ConstraintName, Expr: restore(o.Expr), NotEnforced: !o.Enforced})
		}
	}
	if info.invisible {
		col.Invisible = true
	}
	return col, inline, checks
}

// fieldType maps a parsed type to its canonical schema.Type.
func fieldType(ft *types.FieldType) schema.Type {
	var t schema.Type
	flen, dec := ft.GetFlen(), ft.GetDecimal()
	binary := strings.EqualFold(ft.GetCharset(), "binary")
	t.Unsigned = ft.GetFlag()&mysql.UnsignedFlag != 0
	t.Zerofill = ft.GetFlag()&mysql.ZerofillFlag != 0
	if t.Zerofill {
		t.Unsigned = true
	}
	if !binary {
		t.Charset = strings.ToLower(ft.GetCharset())
		t.Collation = strings.ToLower(ft.GetCollate())
		if t.Charset == "utf8" {
			t.Charset = "utf8mb3"
		}
		t.Binary = ft.GetFlag()&mysql.BinaryFlag != 0
	}
	integer := func(base string, zerofillWidth int) {
		t.Base = base
		switch {
		case t.Zerofill && flen > 0:
			t.DisplayWidth = flen
		case t.Zerofill:
			t.DisplayWidth = zerofillWidth
		case base == "tinyint" && flen == 1:
			t.DisplayWidth = 1
		}
	}
	textual := func(text, blob string) {
		if binary {
			t.Base = blob
		} else {
			t.Base = text
		}
	}
	switch ft.GetType() {
	case mysql.TypeTiny:
		integer("tinyint", 3)
	case mysql.TypeShort:
		integer("smallint", 5)
	case mysql.TypeInt24:
		integer("mediumint", 8)
	case mysql.TypeLong:
		integer("int", 10)
	case mysql.TypeLonglong:
		integer("bigint", 20)
	case mysql.TypeNewDecimal:
		t.Base = "decimal"
		t.HasPrecision = true
		t.Precision, t.Scale = 10, 0
		if flen > 0 {
			t.Precision = flen
		}
		if dec > 0 {
			t.Scale = dec
		}
	case mysql.TypeFloat, mysql.TypeDouble:
		t.Base = "float"
		if ft.GetType() == mysql.TypeDouble {
			t.Base = "double"
		}
		if flen > 0 && dec >= 0 {
			t.Precision, t.Scale, t.HasPrecision = flen, dec, true
		}
	case mysql.TypeDatetime:
		t.Base = "datetime"
		t.Precision = max(dec, 0)
	case mysql.TypeTimestamp:
		t.Base = "timestamp"
		t.Precision = max(dec, 0)
	case mysql.TypeDuration:
		t.Base = "time"
		t.Precision = max(dec, 0)
	case mysql.TypeDate, mysql.TypeNewDate:
		t.Base = "date"
	case mysql.TypeYear:
		t.Base = "year"
	case mysql.TypeVarchar, mysql.TypeVarString:
		textual("varchar", "varbinary")
		t.Length = max(flen, 0)
	case mysql.TypeString:
		textual("char", "binary")
		t.Length = flen
		if t.Length <= 0 {
			t.Length = 1
		}
	case mysql.TypeTinyBlob:
		textual("tinytext", "tinyblob")
	case mysql.TypeBlob:
		textual("text", "blob")
		if flen > 0 {
			n := flen
			if !binary {
				n *= bytesPerChar(t.Charset)
			}
			t.Base = schema.SizedLOB(!binary, n)
		}
	case mysql.TypeMediumBlob:
		textual("mediumtext", "mediumblob")
	case mysql.TypeLongBlob:
		textual("longtext", "longblob")
	case mysql.TypeBit:
		t.Base = "bit"
		t.Length = flen
		if t.Length <= 0 {
			t.Length = 1
		}
	case mysql.TypeEnum:
		t.Base = "enum"
		t.Values = append([]string(nil), ft.GetElems()...)
	case mysql.TypeSet:
		t.Base = "set"
		t.Values = append([]string(nil), ft.GetElems()...)
	case mysql.TypeJSON:
		t.Base = "json"
	case mysql.TypeGeometry:
		t.Base = "geometry"
	default:
		// A type MySQL 8 does not have (TiDB's VECTOR...): keep its name.
		name := strings.FieldsFunc(fmt.Sprint(ft)+" unknown", func(r rune) bool { return r == '(' || r == ' ' })
		t.Base = strings.ToLower(name[0])
	}
	switch t.Base {
	case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set":
	default:
		t.Charset, t.Collation, t.Binary = "", "", false
	}
	if !numericBase[t.Base] {
		t.Unsigned, t.Zerofill = false, false
	}
	if t.Binary && t.Charset != "" && t.Collation != "" {
		t.Binary = false
	}
	return t
}

var numericBase = map[string]bool{
	"tinyint": true, "smallint": true, "mediumint": true, "int": true, "bigint": true,
	"decimal": true, "float": true, "double": true,
}

// bytesPerChar is the maximum width of a character in a character set;
// the default utf8mb4 when none is written.
func bytesPerChar(cs string) int {
	switch cs {
	case "latin1", "ascii", "binary", "latin2", "cp1250", "cp1251", "cp1252":
		return 1
	case "ucs2", "gbk", "big5":
		return 2
	case "utf8", "utf8mb3", "ujis", "sjis", "eucjpms":
		return 3
	}
	return 4
}

// defaultValue converts a DEFAULT clause; paren says the value was written
// in parentheses, which makes it an expression default in MySQL 8.
func defaultValue(e ast.ExprNode, paren bool) *schema.Default {
	switch x := e.(type) {
	case *test_driver.ValueExpr:
		if x.Datum.Kind() == test_driver.KindNull {
			return &schema.Default{Null: true}
		}
		v := literal(x)
		if paren {
			return &schema.Default{Expr: true, Value: restore(x)}
		}
		return &schema.Default{Value: v}
	case *ast.UnaryOperationExpr:
		if v, ok := x.V.(*test_driver.ValueExpr); ok && !paren {
			s := literal(v)
			switch x.Op.String() {
			case "minus":
				return &schema.Default{Value: "-" + s}
			case "plus":
				return &schema.Default{Value: s}
			}
		}
	case *ast.FuncCallExpr:
		if tf := timeFunc(x); tf != "" {
			return &schema.Default{Expr: true, Value: tf}
		}
	}
	return &schema.Default{Expr: true, Value: restore(e)}
}

// literal renders a literal value unquoted.
func literal(v *test_driver.ValueExpr) string {
	switch x := v.Datum.GetValue().(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case *test_driver.MyDecimal:
		return x.String()
	case test_driver.BitLiteral:
		return bitDigits(test_driver.BinaryLiteral(x))
	case test_driver.HexLiteral:
		return bitDigits(test_driver.BinaryLiteral(x))
	case test_driver.BinaryLiteral:
		return bitDigits(x)
	}
	return restore(v)
}

// bitDigits renders a bit or hex literal (b'101', 0x0F) as its binary
// digits without leading zeros, the form a BIT default is kept in
// (rendered back as b'…').
func bitDigits(b test_driver.BinaryLiteral) string {
	s := b.ToBitLiteralString(true)
	return strings.TrimSuffix(strings.TrimPrefix(s, "b'"), "'")
}

var timeFuncs = map[string]bool{
	"current_timestamp": true, "now": true, "localtime": true, "localtimestamp": true,
}

// timeFunc renders CURRENT_TIMESTAMP and its synonyms as CURRENT_TIMESTAMP[(n)],
// or returns "" for any other expression.
func timeFunc(e ast.ExprNode) string {
	f, ok := e.(*ast.FuncCallExpr)
	if !ok || !timeFuncs[f.FnName.L] {
		if e != nil {
			return strings.ToUpper(restore(e))
		}
		return ""
	}
	if len(f.Args) == 1 {
		if v, ok := f.Args[0].(*test_driver.ValueExpr); ok {
			if s := literal(v); s != "" && s != "0" {
				return "CURRENT_TIMESTAMP(" + s + ")"
			}
		}
	}
	return "CURRENT_TIMESTAMP"
}

// exprString renders a string literal unquoted, any other expression as SQL.
func exprString(e ast.ExprNode) string {
	if v, ok := e.(*test_driver.ValueExpr); ok {
		return literal(v)
	}
	return restore(e)
}

// restore renders an expression as SQL text with upper-case keywords and
// single-quoted strings.
func restore(n ast.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	ctx := format.NewRestoreCtx(format.RestoreStringSingleQuotes|format.RestoreKeyWordUppercase|format.RestoreStringWithoutCharset, &b)
	if err := n.Restore(ctx); err != nil {
		return ""
	}
	return b.String()
}

func reference(r *ast.ReferenceDef) *schema.ForeignKey {
	fk := &schema.ForeignKey{}
	if r.Table != nil {
		fk.RefTable = r.Table.Name.O
	}
	for _, p := range r.IndexPartSpecifications {
		if p.Column != nil {
			fk.RefColumns = append(fk.RefColumns, p.Column.Name.O)
		}
	}
	if r.OnDelete != nil && r.OnDelete.ReferOpt != ast.ReferOptionNoOption {
		fk.OnDelete = r.OnDelete.ReferOpt.String()
	}
	if r.OnUpdate != nil && r.OnUpdate.ReferOpt != ast.ReferOptionNoOption {
		fk.OnUpdate = r.OnUpdate.ReferOpt.String()
	}
	return fk
}

func indexParts(specs []*ast.IndexPartSpecification) []schema.IndexPart {
	parts := make([]schema.IndexPart, 0, len(specs))
	for _, s := range specs {
		p := schema.IndexPart{Desc: s.Desc}
		if s.Expr != nil {
			p.Expr = restore(s.Expr)
		} else if s.Column != nil {
			p.Column = s.Column.Name.O
			if s.Length > 0 {
				p.Length = s.Length
			}
		}
		parts = append(parts, p)
	}
	return parts
}

func applyIndexOption(ix *schema.Index, o *ast.IndexOption) {
	if o == nil {
		return
	}
	if o.Visibility == ast.IndexVisibilityInvisible {
		ix.Invisible = true
	}
}

// constraint converts a table constraint (CREATE TABLE element or ALTER
// TABLE ADD clause) into the matching Add spec.
func constraint(con *ast.Constraint, rw rewritten, sc *scan) (schema.AlterSpec, string) {
	switch con.Tp {
	case ast.ConstraintPrimaryKey:
		ix := &schema.Index{Name: "PRIMARY", Primary: true, Unique: true, Parts: indexParts(con.Keys)}
		applyIndexOption(ix, con.Option)
		return &schema.AddIndex{Index: ix}, ""
	case ast.ConstraintKey, ast.ConstraintIndex, ast.ConstraintUniq, ast.ConstraintUniqKey, ast.ConstraintUniqIndex, ast.ConstraintFulltext:
		ix := &schema.Index{Name: con.Name, Parts: indexParts(con.Keys)}
		switch con.Tp {
		case ast.ConstraintUniq, ast.ConstraintUniqKey, ast.ConstraintUniqIndex:
			ix.Unique = true
		case ast.ConstraintFulltext:
			ix.Kind = "FULLTEXT"
		}
		if rw.spatialIndex[strings.ToLower(strings.Join(ix.Columns(), ","))] && ix.Kind == "" && !ix.Unique {
			ix.Kind = "SPATIAL"
		}
		applyIndexOption(ix, con.Option)
		return &schema.AddIndex{Index: ix, IfNotExists: con.IfNotExists}, ""
	case ast.ConstraintForeignKey:
		if con.Refer == nil {
			return nil, "FOREIGN KEY without REFERENCES"
		}
		fk := reference(con.Refer)
		fk.Name = con.Name
		for _, k := range con.Keys {
			if k.Column != nil {
				fk.Columns = append(fk.Columns, k.Column.Name.O)
			}
		}
		add := &schema.AddForeignKey{ForeignKey: fk}
		// The parser keeps one name for "CONSTRAINT c FOREIGN KEY idx (...)";
		// the token pass knows which is which.
		key := strings.ToLower(strings.Join(fk.Columns, ","))
		if q := sc.fks[key]; len(q) > 0 {
			fk.Name, add.IndexName = q[0].constraint, q[0].index
			sc.fks[key] = q[1:]
		}
		return add, ""
	case ast.ConstraintCheck:
		return &schema.AddCheck{Check: &schema.Check{Name: con.Name, Expr: restore(con.Expr), NotEnforced: !con.Enforced}}, ""
	}
	return nil, fmt.Sprintf("unsupported constraint kind %d", con.Tp)
}

func lockName(l ast.LockType) string {
	switch l {
	case ast.LockTypeNone:
		return "NONE"
	case ast.LockTypeDefault:
		return "DEFAULT"
	case ast.LockTypeShared:
		return "SHARED"
	case ast.LockTypeExclusive:
		return "EXCLUSIVE"
	}
	return ""
}

var rowFormats = map[uint64]string{
	ast.RowFormatDefault: "DEFAULT", ast.RowFormatDynamic: "DYNAMIC", ast.RowFormatFixed: "FIXED",
	ast.RowFormatCompressed: "COMPRESSED", ast.RowFormatRedundant: "REDUNDANT", ast.RowFormatCompact: "COMPACT",
}

// tableOptions converts table options; convert is set for CONVERT TO
// CHARACTER SET.
func tableOptions(opts []*ast.TableOption) (set schema.SetTableOptions, convert *schema.ConvertCharset) {
	for _, o := range opts {
		switch o.Tp {
		case ast.TableOptionEngine:
			set.Options.Engine, set.SetEngine = schema.CanonicalEngine(o.StrValue), true
		case ast.TableOptionCharset:
			cs := strings.ToLower(o.StrValue)
			if cs == "utf8" {
				cs = "utf8mb3"
			}
			if o.UintValue == ast.TableOptionCharsetWithConvertTo {
				if convert == nil {
					convert = &schema.ConvertCharset{}
				}
				convert.Charset = cs
				continue
			}
			set.Options.Charset, set.SetCharset = cs, true
		case ast.TableOptionCollate:
			cl := strings.ToLower(o.StrValue)
			if convert != nil && convert.Collation == "" && !set.SetCollation {
				convert.Collation = cl
				continue
			}
			set.Options.Collation, set.SetCollation = cl, true
		case ast.TableOptionComment:
			set.Options.Comment, set.SetComment = o.StrValue, true
		case ast.TableOptionRowFormat:
			set.Options.RowFormat, set.SetRowFormat = rowFormats[o.UintValue], true
		}
	}
	return set, convert
}

func position(p *ast.ColumnPosition) schema.ColumnPosition {
	if p == nil {
		return schema.ColumnPosition{}
	}
	switch p.Tp {
	case ast.ColumnPositionFirst:
		return schema.ColumnPosition{First: true}
	case ast.ColumnPositionAfter:
		if p.RelativeColumn != nil {
			return schema.ColumnPosition{After: p.RelativeColumn.Name.O}
		}
	}
	return schema.ColumnPosition{}
}

func alterTable(n *ast.AlterTableStmt, rw rewritten, sc *scan) (schema.Change, string) {
	a := &schema.AlterTable{Table: n.Table.Name.O, Algorithm: sc.algorithm}
	dropConstraint := sc.dropConstraint
	for _, s := range n.Specs {
		switch s.Tp {
		case ast.AlterTableAddColumns:
			for _, def := range s.NewColumns {
				col, inline, checks := column(def, rw, sc)
				for _, ch := range checks {
					inline = append(inline, &schema.AddCheck{Check: ch})
				}
				a.Specs = append(a.Specs, &schema.AddColumn{Column: col, Position: position(s.Position), Inline: inline})
			}
			for _, con := range s.NewConstraints {
				spec, err := constraint(con, rw, sc)
				if err != "" {
					return nil, err
				}
				a.Specs = append(a.Specs, spec)
			}
		case ast.AlterTableAddConstraint:
			spec, err := constraint(s.Constraint, rw, sc)
			if err != "" {
				return nil, err
			}
			a.Specs = append(a.Specs, spec)
		case ast.AlterTableDropColumn:
			a.Specs = append(a.Specs, &schema.DropColumn{Name: s.OldColumnName.Name.O, IfExists: s.IfExists})
		case ast.AlterTableDropPrimaryKey:
			a.Specs = append(a.Specs, &schema.DropPrimaryKey{})
		case ast.AlterTableDropIndex:
			if strings.EqualFold(s.Name, "PRIMARY") {
				a.Specs = append(a.Specs, &schema.DropPrimaryKey{})
			} else {
				a.Specs = append(a.Specs, &schema.DropIndex{Name: s.Name, IfExists: s.IfExists})
			}
		case ast.AlterTableDropForeignKey:
			a.Specs = append(a.Specs, &schema.DropForeignKey{Name: s.Name, IfExists: s.IfExists})
		case ast.AlterTableModifyColumn, ast.AlterTableChangeColumn:
			if len(s.NewColumns) != 1 {
				return nil, "MODIFY/CHANGE without exactly one column definition"
			}
			col, inline, checks := column(s.NewColumns[0], rw, sc)
			for _, ch := range checks {
				inline = append(inline, &schema.AddCheck{Check: ch})
			}
			name := col.Name
			if s.Tp == ast.AlterTableChangeColumn && s.OldColumnName != nil {
				name = s.OldColumnName.Name.O
			}
			a.Specs = append(a.Specs, &schema.ModifyColumn{Name: name, Column: col, Position: position(s.Position), Inline: inline})
		case ast.AlterTableRenameColumn:
			a.Specs = append(a.Specs, &schema.RenameColumn{From: s.OldColumnName.Name.O, To: s.NewColumnName.Name.O})
		case ast.AlterTableAlterColumn:
			if len(s.NewColumns) != 1 {
				return nil, "ALTER COLUMN without a column"
			}
			def := s.NewColumns[0]
			acd := &schema.AlterColumnDefault{Name: def.Name.Name.O}
			for _, o := range def.Options {
				// SET DEFAULT comes as an option without type.
				if o.Expr != nil && (o.Tp == ast.ColumnOptionDefaultValue || o.Tp == ast.ColumnOptionNoOption) {
					acd.Default = defaultValue(o.Expr, sc.columns[strings.ToLower(def.Name.Name.O)].defaultParen)
				}
			}
			a.Specs = append(a.Specs, acd)
		case ast.AlterTableRenameIndex:
			a.Specs = append(a.Specs, &schema.RenameIndex{From: s.FromKey.O, To: s.ToKey.O})
		case ast.AlterTableRenameTable:
			a.Specs = append(a.Specs, &schema.RenameTo{Name: s.NewTable.Name.O})
		case ast.AlterTableOption:
			set, convert := tableOptions(s.Options)
			if convert != nil {
				a.Specs = append(a.Specs, convert)
			}
			if set.SetEngine || set.SetCharset || set.SetCollation || set.SetComment || set.SetRowFormat {
				a.Specs = append(a.Specs, &set)
			}
		case ast.AlterTableDropCheck:
			name := s.Constraint.Name
			if len(dropConstraint) > 0 && strings.EqualFold(dropConstraint[0], name) {
				dropConstraint = dropConstraint[1:]
				a.Specs = append(a.Specs, &schema.DropConstraint{Name: name})
			} else {
				a.Specs = append(a.Specs, &schema.DropCheck{Name: name})
			}
		case ast.AlterTableAlterCheck:
			return nil, "ALTER CHECK … [NOT] ENFORCED is not interpreted"
		case ast.AlterTableLock:
			a.Lock = lockName(s.LockType)
		case ast.AlterTableAlgorithm:
			if a.Algorithm == "" {
				a.Algorithm = algorithmName(s.Algorithm)
			}
		case ast.AlterTableForce, ast.AlterTableWithValidation, ast.AlterTableWithoutValidation,
			ast.AlterTableEnableKeys, ast.AlterTableDisableKeys, ast.AlterTableOrderByColumns:
			// No schema effect.
		case ast.AlterTableIndexInvisible:
			return nil, "ALTER INDEX … VISIBLE/INVISIBLE is not interpreted"
		default:
			return nil, fmt.Sprintf("ALTER TABLE clause not interpreted (%s)", alterClauseText(s))
		}
	}
	return a, ""
}

func alterClauseText(s *ast.AlterTableSpec) string {
	t := restore(s)
	if len(t) > 60 {
		t = t[:60] + "…"
	}
	if t == "" {
		t = fmt.Sprintf("kind %d", s.Tp)
	}
	return t
}

func algorithmName(a ast.AlgorithmType) string {
	switch a {
	case ast.AlgorithmTypeCopy:
		return "COPY"
	case ast.AlgorithmTypeInplace:
		return "INPLACE"
	case ast.AlgorithmTypeInstant:
		return "INSTANT"
	}
	return "DEFAULT"
}
