package schemaview

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

// Doc is the JSON form of a schema: `schema --format json` prints one.
type Doc struct {
	Tables []Table `json:"tables"`
}

// Table is one table of a Doc.
type Table struct {
	Name        string       `json:"name"`
	Columns     []Column     `json:"columns"`
	Indexes     []Index      `json:"indexes"`
	ForeignKeys []ForeignKey `json:"foreign_keys"`
}

// Column is one column of a Table. Type is written as information_schema
// COLUMN_TYPE writes it (lower case: "varchar(255)", "int unsigned").
// Default is nil when the column has no default or defaults to NULL.
type Column struct {
	Name          string  `json:"name"`
	Type          string  `json:"type"`
	Nullable      bool    `json:"nullable"`
	Default       *string `json:"default"`
	AutoIncrement bool    `json:"auto_increment"`
}

// Index is one index of a Table, the primary key included. Columns carry
// their prefix length as "col(10)", " DESC" for descending parts, and a
// functional key part as its parenthesised expression.
type Index struct {
	Name    string   `json:"name"`
	Columns []string `json:"columns"`
	Unique  bool     `json:"unique"`
	Primary bool     `json:"primary"`
}

// ForeignKey is one foreign key of a Table. OnDelete and OnUpdate are upper
// case, RESTRICT when the DDL left them unstated (what InnoDB enforces).
type ForeignKey struct {
	Name       string   `json:"name"`
	Columns    []string `json:"columns"`
	RefTable   string   `json:"ref_table"`
	RefColumns []string `json:"ref_columns"`
	OnDelete   string   `json:"on_delete"`
	OnUpdate   string   `json:"on_update"`
}

// NewDoc converts a schema, keeping the definition order of tables,
// columns, indexes and foreign keys.
func NewDoc(s *schema.Schema) Doc {
	d := Doc{Tables: []Table{}}
	if s == nil {
		return d
	}
	for _, t := range s.Tables {
		d.Tables = append(d.Tables, NewTable(t))
	}
	return d
}

// NewTable converts one table.
func NewTable(t *schema.Table) Table {
	out := Table{Name: t.Name, Columns: []Column{}, Indexes: []Index{}, ForeignKeys: []ForeignKey{}}
	for _, c := range t.Columns {
		out.Columns = append(out.Columns, Column{
			Name:          c.Name,
			Type:          c.Type.String(),
			Nullable:      c.Nullable,
			Default:       DefaultText(c),
			AutoIncrement: c.AutoIncrement,
		})
	}
	for _, ix := range t.Indexes {
		out.Indexes = append(out.Indexes, Index{Name: ix.Name, Columns: IndexColumns(ix), Unique: ix.Unique || ix.Primary, Primary: ix.Primary})
	}
	for _, fk := range t.ForeignKeys {
		out.ForeignKeys = append(out.ForeignKeys, ForeignKey{
			Name:       fk.Name,
			Columns:    append([]string{}, fk.Columns...),
			RefTable:   fk.RefTable,
			RefColumns: append([]string{}, fk.RefColumns...),
			OnDelete:   Rule(fk.OnDelete),
			OnUpdate:   Rule(fk.OnUpdate),
		})
	}
	return out
}

// DefaultText returns the column default as information_schema
// COLUMN_DEFAULT writes it in MySQL 8: the literal unquoted,
// CURRENT_TIMESTAMP[(n)] for the current time, an expression without its
// outer parentheses, b'1' for BIT literals; nil for no default and DEFAULT
// NULL.
func DefaultText(c *schema.Column) *string {
	d := c.Default
	if d == nil || d.Null {
		return nil
	}
	var v string
	switch {
	case d.Expr:
		v = d.SQL(c.Type)
		if strings.HasPrefix(v, "(") && strings.HasSuffix(v, ")") {
			v = v[1 : len(v)-1]
		}
	case c.Type.Base == "bit":
		v = d.SQL(c.Type)
	default:
		v = d.Value
	}
	return &v
}

// IndexColumns lists the key parts of ix: col, col(10) for a prefix,
// "col DESC" for a descending part, (expr) for a functional part.
func IndexColumns(ix *schema.Index) []string {
	out := make([]string, 0, len(ix.Parts))
	for _, p := range ix.Parts {
		s := p.Column
		switch {
		case p.Column == "":
			s = "(" + p.Expr + ")"
		case p.Length > 0:
			s = fmt.Sprintf("%s(%d)", p.Column, p.Length)
		}
		if p.Desc {
			s += " DESC"
		}
		out = append(out, s)
	}
	return out
}

// Rule spells a referential action in upper case, RESTRICT when unstated.
func Rule(r string) string {
	r = strings.ToUpper(strings.TrimSpace(r))
	if r == "" {
		return schema.Restrict
	}
	return r
}

// WriteJSON writes the schema as an indented Doc followed by a newline.
func WriteJSON(w io.Writer, s *schema.Schema) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewDoc(s)); err != nil {
		return fmt.Errorf("schemaview: json: %w", err)
	}
	return nil
}

// WriteSQL writes one CREATE TABLE statement per table, in SHOW CREATE
// TABLE style, each ended by a semicolon and separated by a blank line.
func WriteSQL(w io.Writer, s *schema.Schema) error {
	for i, t := range s.Tables {
		sep := ""
		if i > 0 {
			sep = "\n"
		}
		if _, err := fmt.Fprintf(w, "%s%s;\n", sep, t.CreateSQL()); err != nil {
			return fmt.Errorf("schemaview: sql: %w", err)
		}
	}
	return nil
}

// Select returns the schema restricted to the named tables, in definition
// order. An empty list selects every table; a name that is not a table is
// an error naming it.
func Select(s *schema.Schema, names []string) (*schema.Schema, error) {
	if len(names) == 0 {
		return s, nil
	}
	want := map[string]bool{}
	var missing []string
	for _, n := range names {
		want[n] = true
		if s.Table(n) == nil {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("schemaview: no table %s in the replayed schema", strings.Join(missing, ", "))
	}
	out := &schema.Schema{}
	for _, t := range s.Tables {
		if want[t.Name] {
			out.Tables = append(out.Tables, t)
		}
	}
	return out, nil
}
