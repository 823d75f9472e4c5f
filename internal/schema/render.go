package schema

import (
	"fmt"
	"strings"
)

// QuoteIdent quotes an identifier with backticks, doubling any backtick in it.
func QuoteIdent(name string) string {
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = QuoteIdent(n)
	}
	return strings.Join(q, ",")
}

// DefinitionSQL renders the column as SHOW CREATE TABLE writes it inside a
// table definition, with its character set and collation spelled out for
// character columns that have them (`name` varchar(10) CHARACTER SET
// latin1 COLLATE latin1_bin NOT NULL DEFAULT 'x').
func (c *Column) DefinitionSQL() string {
	return c.definitionSQL("", "")
}

// ColumnSQL renders column c of t as t.CreateSQL writes it: its character
// set and collation are left out when they equal the table defaults.
func (t *Table) ColumnSQL(c *Column) string {
	return c.definitionSQL(t.Options.Charset, t.Options.Collation)
}

// definitionSQL omits the character set and collation when they equal the
// table defaults tcs and tco, as SHOW CREATE TABLE does.
func (c *Column) definitionSQL(tcs, tco string) string {
	var b strings.Builder
	b.WriteString(QuoteIdent(c.Name))
	b.WriteByte(' ')
	b.WriteString(c.Type.String())
	ty := c.Type
	if ty.IsCharacter() {
		switch {
		case ty.Charset != "" && (ty.Charset != tcs || ty.Collation != tco):
			b.WriteString(" CHARACTER SET " + ty.Charset)
			if ty.Collation != "" {
				b.WriteString(" COLLATE " + ty.Collation)
			}
		case ty.Charset == "" && ty.Collation != "":
			b.WriteString(" COLLATE " + ty.Collation)
		}
		if ty.Binary {
			b.WriteString(" BINARY")
		}
	}
	if c.Generated != nil {
		kind := "VIRTUAL"
		if c.Generated.Stored {
			kind = "STORED"
		}
		fmt.Fprintf(&b, " GENERATED ALWAYS AS (%s) %s", c.Generated.Expr, kind)
	}
	switch {
	case !c.Nullable:
		b.WriteString(" NOT NULL")
	case ty.Base == "timestamp":
		b.WriteString(" NULL")
	}
	if d := c.Default; d != nil && !(d.Null && c.Nullable && ty.IsLOB()) {
		// SHOW CREATE TABLE omits DEFAULT NULL on TEXT, BLOB, JSON and
		// geometry columns.
		b.WriteString(" DEFAULT " + d.SQL(ty))
	} else if d == nil && c.Nullable && c.Generated == nil && !c.AutoIncrement && !ty.IsLOB() {
		b.WriteString(" DEFAULT NULL")
	}
	if c.OnUpdate != "" {
		b.WriteString(" ON UPDATE " + nowSQL(c.OnUpdate))
	}
	if c.AutoIncrement {
		b.WriteString(" AUTO_INCREMENT")
	}
	if c.Comment != "" {
		b.WriteString(" COMMENT " + QuoteString(c.Comment))
	}
	if c.Invisible {
		b.WriteString(" /*!80023 INVISIBLE */")
	}
	return b.String()
}

// SQL renders the default as it follows the DEFAULT keyword: NULL,
// CURRENT_TIMESTAMP(n), a parenthesised expression, b'1' for BIT, or a
// quoted literal.
func (d *Default) SQL(t Type) string {
	switch {
	case d.Null:
		return "NULL"
	case d.Expr && isNowExpr(d.Value):
		return nowSQL(d.Value)
	case d.Expr:
		v := strings.TrimSpace(d.Value)
		if strings.HasPrefix(v, "(") && strings.HasSuffix(v, ")") {
			return v
		}
		return "(" + v + ")"
	case t.Base == "bit":
		return "b'" + d.Value + "'"
	}
	return QuoteString(d.Value)
}

// IndexSQL renders the index as SHOW CREATE TABLE writes it in a table
// definition: PRIMARY KEY (`id`), UNIQUE KEY `email` (`email`), KEY `ix`
// (`a`,`b`(10)), FULLTEXT KEY `ft` (`body`).
func (ix *Index) IndexSQL() string {
	var b strings.Builder
	switch {
	case ix.Primary:
		b.WriteString("PRIMARY KEY ")
	default:
		if ix.Unique {
			b.WriteString("UNIQUE ")
		} else if ix.Kind != "" {
			b.WriteString(strings.ToUpper(ix.Kind) + " ")
		}
		b.WriteString("KEY ")
		if ix.Name != "" {
			b.WriteString(QuoteIdent(ix.Name) + " ")
		}
	}
	b.WriteString(ix.partsSQL())
	if ix.Invisible {
		b.WriteString(" /*!80000 INVISIBLE */")
	}
	return b.String()
}

func (ix *Index) partsSQL() string {
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		s := ""
		if p.Column == "" {
			s = "(" + p.Expr + ")"
		} else {
			s = QuoteIdent(p.Column)
			if p.Length > 0 {
				s += fmt.Sprintf("(%d)", p.Length)
			}
		}
		if p.Desc {
			s += " DESC"
		}
		parts[i] = s
	}
	return "(" + strings.Join(parts, ",") + ")"
}

// ForeignKeySQL renders the foreign key as SHOW CREATE TABLE writes it:
// CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `p` (`id`) ON DELETE CASCADE.
func (fk *ForeignKey) ForeignKeySQL() string {
	var b strings.Builder
	if fk.Name != "" {
		b.WriteString("CONSTRAINT " + QuoteIdent(fk.Name) + " ")
	}
	fmt.Fprintf(&b, "FOREIGN KEY (%s) REFERENCES %s (%s)", quoteList(fk.Columns), QuoteIdent(fk.RefTable), quoteList(fk.RefColumns))
	if fk.OnDelete != "" {
		b.WriteString(" ON DELETE " + fk.OnDelete)
	}
	if fk.OnUpdate != "" {
		b.WriteString(" ON UPDATE " + fk.OnUpdate)
	}
	return b.String()
}

// CheckSQL renders the check constraint as SHOW CREATE TABLE writes it.
func (ck *Check) CheckSQL() string {
	var b strings.Builder
	if ck.Name != "" {
		b.WriteString("CONSTRAINT " + QuoteIdent(ck.Name) + " ")
	}
	expr := strings.TrimSpace(ck.Expr)
	if !(strings.HasPrefix(expr, "(") && strings.HasSuffix(expr, ")")) {
		expr = "(" + expr + ")"
	}
	b.WriteString("CHECK " + expr)
	if ck.NotEnforced {
		b.WriteString(" /*!80016 NOT ENFORCED */")
	}
	return b.String()
}

// CreateSQL renders the table as SHOW CREATE TABLE does: columns, keys
// (primary first), foreign keys, checks, then the table options that are
// set.
func (t *Table) CreateSQL() string {
	return t.createSQL(false)
}

func (t *Table) createSQL(ifNotExists bool) string {
	var lines []string
	for _, c := range t.Columns {
		lines = append(lines, "  "+c.definitionSQL(t.Options.Charset, t.Options.Collation))
	}
	if pk := t.PrimaryKey(); pk != nil {
		lines = append(lines, "  "+pk.IndexSQL())
	}
	for _, ix := range t.Indexes {
		if !ix.Primary {
			lines = append(lines, "  "+ix.IndexSQL())
		}
	}
	for _, fk := range t.ForeignKeys {
		lines = append(lines, "  "+fk.ForeignKeySQL())
	}
	for _, ck := range t.Checks {
		lines = append(lines, "  "+ck.CheckSQL())
	}
	var b strings.Builder
	b.WriteString("CREATE TABLE ")
	if ifNotExists {
		b.WriteString("IF NOT EXISTS ")
	}
	b.WriteString(QuoteIdent(t.Name) + " (\n")
	b.WriteString(strings.Join(lines, ",\n"))
	b.WriteString("\n)")
	b.WriteString(t.Options.sql())
	return b.String()
}

// sql renders the options that are set, in SHOW CREATE TABLE order.
func (o TableOptions) sql() string {
	var b strings.Builder
	if o.Engine != "" {
		b.WriteString(" ENGINE=" + o.Engine)
	}
	if o.Charset != "" {
		b.WriteString(" DEFAULT CHARSET=" + o.Charset)
	}
	if o.Collation != "" {
		b.WriteString(" COLLATE=" + o.Collation)
	}
	if o.RowFormat != "" {
		b.WriteString(" ROW_FORMAT=" + o.RowFormat)
	}
	if o.Comment != "" {
		b.WriteString(" COMMENT=" + QuoteString(o.Comment))
	}
	return b.String()
}

// RenderChange turns a Change back into one MySQL statement. DDL renders
// as executable SQL. Data changes whose values the Change does not record
// (Insert, Update, Delete with a LIMIT) render as a SQL comment that says
// what ran, so the output stays safe to execute.
func RenderChange(c Change) string {
	if err := checkNotNil(c); err != nil {
		return "-- " + err.Error()
	}
	switch c := c.(type) {
	case *CreateTable:
		if c.Like != "" {
			s := "CREATE TABLE "
			if c.IfNotExists {
				s += "IF NOT EXISTS "
			}
			return s + QuoteIdent(c.Table.Name) + " LIKE " + QuoteIdent(c.Like)
		}
		return c.Table.createSQL(c.IfNotExists)
	case *DropTable:
		s := "DROP TABLE "
		if c.IfExists {
			s += "IF EXISTS "
		}
		return s + strings.Join(quoteEach(c.Names), ", ")
	case *RenameTable:
		pairs := make([]string, len(c.Pairs))
		for i, p := range c.Pairs {
			pairs[i] = QuoteIdent(p.From) + " TO " + QuoteIdent(p.To)
		}
		return "RENAME TABLE " + strings.Join(pairs, ", ")
	case *AlterTable:
		return renderAlter(c)
	case *Insert:
		what := fmt.Sprintf("%d row(s)", c.Rows)
		if c.FromSelect {
			what = "rows from a SELECT"
		}
		cols := ""
		if len(c.Columns) > 0 {
			cols = " (" + quoteList(c.Columns) + ")"
		}
		return fmt.Sprintf("-- INSERT INTO %s%s: %s (values not recorded)", QuoteIdent(c.Table), cols, what)
	case *Update:
		s := fmt.Sprintf("-- UPDATE %s SET %s (values not recorded)", QuoteIdent(c.Table), quoteList(c.Columns))
		if c.HasWhere {
			s += " WHERE " + oneLine(c.Where)
		}
		return s
	case *Delete:
		if c.HasLimit || (c.HasWhere && c.Where == "") {
			return fmt.Sprintf("-- DELETE FROM %s WHERE %s (limit not recorded)", QuoteIdent(c.Table), oneLine(c.Where))
		}
		s := "DELETE FROM " + QuoteIdent(c.Table)
		if c.HasWhere {
			s += " WHERE " + c.Where
		}
		return s
	case *Truncate:
		return "TRUNCATE TABLE " + QuoteIdent(c.Table)
	case *Other:
		return "-- " + oneLine(c.Kind)
	case nil:
		return ""
	}
	return fmt.Sprintf("-- unsupported change %T", c)
}

func quoteEach(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = QuoteIdent(n)
	}
	return q
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func renderAlter(a *AlterTable) string {
	if len(a.Specs) == 1 {
		switch sp := a.Specs[0].(type) {
		case *AddIndex:
			if a.Via == "CREATE INDEX" && !sp.Index.Primary {
				kind := ""
				if sp.Index.Unique {
					kind = "UNIQUE "
				} else if sp.Index.Kind != "" {
					kind = strings.ToUpper(sp.Index.Kind) + " "
				}
				s := fmt.Sprintf("CREATE %sINDEX %s ON %s %s", kind, QuoteIdent(sp.Index.Name), QuoteIdent(a.Table), sp.Index.partsSQL())
				return s + algoLock(a, " ")
			}
		case *DropIndex:
			if a.Via == "DROP INDEX" {
				return fmt.Sprintf("DROP INDEX %s ON %s", QuoteIdent(sp.Name), QuoteIdent(a.Table)) + algoLock(a, " ")
			}
		}
	}
	var clauses []string
	for _, sp := range a.Specs {
		clauses = append(clauses, renderSpec(sp)...)
	}
	return "ALTER TABLE " + QuoteIdent(a.Table) + " " + strings.Join(clauses, ", ") + algoLock(a, ", ")
}

func algoLock(a *AlterTable, sep string) string {
	s := ""
	if a.Algorithm != "" {
		s += sep + "ALGORITHM=" + a.Algorithm
	}
	if a.Lock != "" {
		s += sep + "LOCK=" + a.Lock
	}
	return s
}

func positionSQL(p ColumnPosition) string {
	switch {
	case p.First:
		return " FIRST"
	case p.After != "":
		return " AFTER " + QuoteIdent(p.After)
	}
	return ""
}

// renderSpec renders one ALTER TABLE clause; a column clause with inline
// keys renders as the column clause followed by one ADD clause per key.
func renderSpec(sp AlterSpec) []string {
	switch sp := sp.(type) {
	case *AddColumn:
		out := []string{"ADD COLUMN " + sp.Column.DefinitionSQL() + positionSQL(sp.Position)}
		for _, in := range sp.Inline {
			out = append(out, renderSpec(in)...)
		}
		return out
	case *DropColumn:
		if sp.IfExists {
			return []string{"DROP COLUMN IF EXISTS " + QuoteIdent(sp.Name)}
		}
		return []string{"DROP COLUMN " + QuoteIdent(sp.Name)}
	case *ModifyColumn:
		var s string
		if sp.Name == "" || sp.Name == sp.Column.Name {
			s = "MODIFY COLUMN " + sp.Column.DefinitionSQL()
		} else {
			s = "CHANGE COLUMN " + QuoteIdent(sp.Name) + " " + sp.Column.DefinitionSQL()
		}
		out := []string{s + positionSQL(sp.Position)}
		for _, in := range sp.Inline {
			out = append(out, renderSpec(in)...)
		}
		return out
	case *RenameColumn:
		return []string{"RENAME COLUMN " + QuoteIdent(sp.From) + " TO " + QuoteIdent(sp.To)}
	case *AlterColumnDefault:
		if sp.Default == nil {
			return []string{"ALTER COLUMN " + QuoteIdent(sp.Name) + " DROP DEFAULT"}
		}
		return []string{"ALTER COLUMN " + QuoteIdent(sp.Name) + " SET DEFAULT " + sp.Default.SQL(Type{})}
	case *AddIndex:
		return []string{"ADD " + sp.Index.IndexSQL()}
	case *DropIndex:
		if sp.IfExists {
			return []string{"DROP INDEX IF EXISTS " + QuoteIdent(sp.Name)}
		}
		return []string{"DROP INDEX " + QuoteIdent(sp.Name)}
	case *DropPrimaryKey:
		return []string{"DROP PRIMARY KEY"}
	case *RenameIndex:
		return []string{"RENAME INDEX " + QuoteIdent(sp.From) + " TO " + QuoteIdent(sp.To)}
	case *AddForeignKey:
		s := sp.ForeignKey.ForeignKeySQL()
		if sp.IndexName != "" && sp.ForeignKey.Name == "" {
			s = strings.Replace(s, "FOREIGN KEY (", "FOREIGN KEY "+QuoteIdent(sp.IndexName)+" (", 1)
		}
		return []string{"ADD " + s}
	case *DropForeignKey:
		return []string{"DROP FOREIGN KEY " + QuoteIdent(sp.Name)}
	case *AddCheck:
		return []string{"ADD " + sp.Check.CheckSQL()}
	case *DropCheck:
		return []string{"DROP CHECK " + QuoteIdent(sp.Name)}
	case *DropConstraint:
		return []string{"DROP CONSTRAINT " + QuoteIdent(sp.Name)}
	case *SetTableOptions:
		var out []string
		o := sp.Options
		if sp.SetEngine {
			out = append(out, "ENGINE="+o.Engine)
		}
		if sp.SetCharset {
			out = append(out, "DEFAULT CHARSET="+o.Charset)
		}
		if sp.SetCollation {
			out = append(out, "COLLATE="+o.Collation)
		}
		if sp.SetComment {
			out = append(out, "COMMENT="+QuoteString(o.Comment))
		}
		if sp.SetRowFormat {
			out = append(out, "ROW_FORMAT="+o.RowFormat)
		}
		return out
	case *ConvertCharset:
		s := "CONVERT TO CHARACTER SET " + sp.Charset
		if sp.Collation != "" {
			s += " COLLATE " + sp.Collation
		}
		return []string{s}
	case *RenameTo:
		return []string{"RENAME TO " + QuoteIdent(sp.Name)}
	}
	return nil
}

// nowSQL spells CURRENT_TIMESTAMP and its synonyms (NOW(), LOCALTIME,
// current_timestamp()) as SHOW CREATE TABLE does: CURRENT_TIMESTAMP, or
// CURRENT_TIMESTAMP(n) with fractional seconds. Other text is returned
// unchanged.
func nowSQL(v string) string {
	if !isNowExpr(v) {
		return v
	}
	if i := strings.IndexByte(v, '('); i >= 0 {
		arg := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v[i+1:]), ")"))
		if arg != "" && arg != "0" {
			return "CURRENT_TIMESTAMP(" + arg + ")"
		}
	}
	return "CURRENT_TIMESTAMP"
}
