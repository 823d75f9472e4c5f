package schema

import (
	"strings"
)

// Schema is one state of a MySQL database: its tables in definition order.
//
// A Schema is treated as immutable once built: Apply returns a new Schema
// that shares every table it did not change, so keeping the state before and
// after each operation costs little.
type Schema struct {
	Tables []*Table
}

// Table returns the table with the given name, or nil. Table names are
// compared case-sensitively, as MySQL does on Linux (lower_case_table_names=0).
func (s *Schema) Table(name string) *Table {
	if s == nil {
		return nil
	}
	for _, t := range s.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// Clone returns a deep copy of the schema.
func (s *Schema) Clone() *Schema {
	if s == nil {
		return &Schema{}
	}
	out := &Schema{Tables: make([]*Table, len(s.Tables))}
	for i, t := range s.Tables {
		out.Tables[i] = t.Clone()
	}
	return out
}

// Table is a base table.
type Table struct {
	Name        string
	Columns     []*Column
	Indexes     []*Index // the primary key, when there is one, is the Index named PRIMARY
	ForeignKeys []*ForeignKey
	Checks      []*Check
	Options     TableOptions
}

// TableOptions holds the table options that matter to the rules.
type TableOptions struct {
	Engine    string // canonical upper case, e.g. InnoDB
	Charset   string // table default character set, lower case
	Collation string // table default collation, lower case
	Comment   string
	RowFormat string
}

// Column returns the column with the given name, or nil. Column names are
// case-insensitive in MySQL.
func (t *Table) Column(name string) *Column {
	if t == nil {
		return nil
	}
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// ColumnIndex returns the position of the named column, or -1.
func (t *Table) ColumnIndex(name string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// Index returns the index with the given name (case-insensitive), or nil.
func (t *Table) Index(name string) *Index {
	if t == nil {
		return nil
	}
	for _, ix := range t.Indexes {
		if strings.EqualFold(ix.Name, name) {
			return ix
		}
	}
	return nil
}

// PrimaryKey returns the primary key, or nil.
func (t *Table) PrimaryKey() *Index {
	if t == nil {
		return nil
	}
	for _, ix := range t.Indexes {
		if ix.Primary {
			return ix
		}
	}
	return nil
}

// ForeignKey returns the foreign key with the given name (case-insensitive), or nil.
func (t *Table) ForeignKey(name string) *ForeignKey {
	if t == nil {
		return nil
	}
	for _, fk := range t.ForeignKeys {
		if strings.EqualFold(fk.Name, name) {
			return fk
		}
	}
	return nil
}

// ForeignKeysOn returns the table's foreign keys that include column.
func (t *Table) ForeignKeysOn(column string) []*ForeignKey {
	if t == nil {
		return nil
	}
	var out []*ForeignKey
	for _, fk := range t.ForeignKeys {
		for _, c := range fk.Columns {
			if strings.EqualFold(c, column) {
				out = append(out, fk)
				break
			}
		}
	}
	return out
}

// Check returns the check constraint with the given name (case-insensitive), or nil.
func (t *Table) Check(name string) *Check {
	if t == nil {
		return nil
	}
	for _, c := range t.Checks {
		if strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// Clone returns a deep copy of the table.
func (t *Table) Clone() *Table {
	if t == nil {
		return nil
	}
	out := *t
	out.Columns = make([]*Column, len(t.Columns))
	for i, c := range t.Columns {
		out.Columns[i] = c.Clone()
	}
	out.Indexes = make([]*Index, len(t.Indexes))
	for i, ix := range t.Indexes {
		out.Indexes[i] = ix.Clone()
	}
	out.ForeignKeys = make([]*ForeignKey, len(t.ForeignKeys))
	for i, fk := range t.ForeignKeys {
		out.ForeignKeys[i] = fk.Clone()
	}
	out.Checks = make([]*Check, len(t.Checks))
	for i, c := range t.Checks {
		cc := *c
		out.Checks[i] = &cc
	}
	return &out
}

// Column is a table column.
type Column struct {
	Name          string
	Type          Type
	Nullable      bool
	Default       *Default // nil: the column has no DEFAULT clause
	AutoIncrement bool
	OnUpdate      string     // e.g. CURRENT_TIMESTAMP, for ON UPDATE clauses
	Generated     *Generated // nil for ordinary columns
	Comment       string
	Invisible     bool
}

// Clone returns a deep copy of the column.
func (c *Column) Clone() *Column {
	if c == nil {
		return nil
	}
	out := *c
	out.Type.Values = append([]string(nil), c.Type.Values...)
	if c.Default != nil {
		d := *c.Default
		out.Default = &d
	}
	if c.Generated != nil {
		g := *c.Generated
		out.Generated = &g
	}
	return &out
}

// Type is a canonical MySQL column type.
//
// Base is the lower-case type name as information_schema DATA_TYPE writes it
// (int, bigint, varchar, decimal, enum, json, datetime, ...). Synonyms are
// resolved when the type is built (INTEGER is int, BOOL is tinyint(1), REAL is
// double, NUMERIC is decimal).
type Type struct {
	Base         string
	Length       int // varchar/char/binary/varbinary/bit length; 0 when not applicable
	DisplayWidth int // integer display width where it is kept (tinyint(1)); 0 otherwise
	Precision    int // decimal/float precision; fractional seconds for datetime/time/timestamp
	Scale        int // decimal/float scale
	HasPrecision bool
	Unsigned     bool
	Zerofill     bool
	Values       []string // enum and set values, in order
	Charset      string   // for string types: resolved character set (lower case)
	Collation    string   // for string types: resolved collation (lower case)
	// Binary is the BINARY attribute of a character type (CHAR(36) BINARY):
	// the _bin collation of whatever character set the column ends up with.
	// The simulator resolves it into Collation when the column joins a table.
	Binary bool
}

// Default is a column default.
type Default struct {
	// Null is true for DEFAULT NULL.
	Null bool
	// Expr is true for expression defaults: CURRENT_TIMESTAMP[(n)], NOW(),
	// and parenthesised expressions (MySQL 8.0.13+).
	Expr bool
	// Value is the literal value (unquoted) or the expression text.
	Value string
}

// Generated describes a generated column.
type Generated struct {
	Expr   string
	Stored bool
}

// IndexPart is one key part of an index.
type IndexPart struct {
	Column string // empty for functional key parts
	Length int    // prefix length in characters (bytes for binary types); 0 for the whole column
	Desc   bool
	Expr   string // functional key part expression
}

// Index is an index or a PRIMARY KEY / UNIQUE constraint.
type Index struct {
	Name      string // PRIMARY for the primary key
	Parts     []IndexPart
	Primary   bool
	Unique    bool
	Kind      string // "" for BTREE, FULLTEXT or SPATIAL
	Invisible bool
	// Implicit is true when MySQL created the index by itself for a foreign
	// key; MySQL drops such an index silently when another index takes over.
	Implicit bool
}

// Columns returns the column names of the index, in key order.
func (ix *Index) Columns() []string {
	out := make([]string, 0, len(ix.Parts))
	for _, p := range ix.Parts {
		out = append(out, p.Column)
	}
	return out
}

// Clone returns a deep copy of the index.
func (ix *Index) Clone() *Index {
	if ix == nil {
		return nil
	}
	out := *ix
	out.Parts = append([]IndexPart(nil), ix.Parts...)
	return &out
}

// Referential actions, as written in DDL.
const (
	Restrict   = "RESTRICT"
	Cascade    = "CASCADE"
	SetNull    = "SET NULL"
	NoAction   = "NO ACTION"
	SetDefault = "SET DEFAULT"
)

// ForeignKey is a foreign key constraint.
type ForeignKey struct {
	Name       string
	Columns    []string
	RefTable   string
	RefColumns []string
	// OnDelete and OnUpdate are upper case as written; empty when the DDL did
	// not state the rule (MySQL then applies NO ACTION, which InnoDB treats
	// as RESTRICT).
	OnDelete string
	OnUpdate string
	// Inline marks a column-level REFERENCES clause. MySQL before 9.0
	// parses and ignores it: no constraint is created (the simulator
	// follows that, and rule FK109 tells the author).
	Inline bool
}

// Clone returns a deep copy of the foreign key.
func (fk *ForeignKey) Clone() *ForeignKey {
	if fk == nil {
		return nil
	}
	out := *fk
	out.Columns = append([]string(nil), fk.Columns...)
	out.RefColumns = append([]string(nil), fk.RefColumns...)
	return &out
}

// Check is a CHECK constraint.
type Check struct {
	Name        string
	Expr        string
	NotEnforced bool
}
