// Package ir is the intermediate representation every input language is
// loaded into: migrations as ordered operations for up and down, and models
// as table definitions plus associations. Every operation and attribute
// carries its source position.
package ir

import (
	"github.com/migration-guardian/guardian/internal/schema"
)

// Span is a source range: a file path relative to the repository root and
// 1-based inclusive line numbers.
type Span struct {
	Path    string
	Line    int
	EndLine int
}

// Valid reports whether the span points somewhere.
func (s Span) Valid() bool { return s.Path != "" && s.Line > 0 }

// Op is one interpreted statement or call.
//
// Change is nil when the statement could not be interpreted; NotAnalyzed then
// says why (it becomes a GD101 finding). When both are set, the statement
// was interpreted except for the part NotAnalyzed names. A statement that
// was understood but has no schema effect carries a *schema.Other.
type Op struct {
	Change schema.Change
	Span   Span
	// Text is the statement text (SQL) or a rendering of the call
	// (Sequelize); it is normalised for fingerprints by the report step.
	Text string
	// Origin names what produced the op: "sql", or the Sequelize method,
	// e.g. "sequelize.addColumn", "sequelize.query".
	Origin string
	// Attrs holds finer positions inside the statement or call, keyed by
	// "column:<name>", "column:<name>.references", "index:<name>", ... so a
	// finding about one attribute points at its own line.
	Attrs       map[string]Span
	NotAnalyzed string
	// InTransaction is true when the call ran inside sequelize.transaction.
	InTransaction bool
}

// AttrSpan returns the span recorded for key, or the op's own span.
func (o *Op) AttrSpan(key string) Span {
	if s, ok := o.Attrs[key]; ok && s.Valid() {
		return s
	}
	return o.Span
}

// Direction selects the up or down half of a migration.
type Direction int

// The two directions of a migration.
const (
	Up Direction = iota
	Down
)

func (d Direction) String() string {
	if d == Down {
		return "down"
	}
	return "up"
}

// Migration is one migration: its identity, where it came from, and its
// operations in each direction.
type Migration struct {
	// Version is the sortable version prefix (e.g. "20240101120000", "3",
	// "1.2"); Name is the descriptive remainder.
	Version string
	Name    string
	// Path is the file holding the up half (or both halves); DownPath is the
	// separate rollback file when the convention has one.
	Path     string
	DownPath string
	// Paths lists every file this migration was read from.
	Paths []string
	// Kind is "sql" or "sequelize"; Convention names the file convention
	// (golang-migrate, dbmate, goose, sql-migrate, flyway, popx, folder,
	// rollback-pair, plain, sequelize-cli, umzug...).
	Kind       string
	Convention string
	Up, Down   []Op
	// HasDown is true when a down half exists at all (file, section or
	// function), even if it is empty.
	HasDown bool
	// DownSpan locates the down half (function or section) when known.
	DownSpan Span
	// Dynamic, when set, re-evaluates one direction against the schema
	// replayed so far. Sequelize migrations that read the database
	// (describeTable, showIndex...) need it; Up and Down then hold the
	// result of a stateless first evaluation.
	Dynamic func(dir Direction, state *schema.Schema) []Op
	// Problems are file-level problems (unreadable file, syntax error...):
	// each becomes a GD101 finding at its span.
	Problems []Problem
}

// Ops returns the operations of one direction.
func (m *Migration) Ops(dir Direction) []Op {
	if dir == Down {
		return m.Down
	}
	return m.Up
}

// Problem is something the loader could not interpret.
type Problem struct {
	Span    Span
	Message string
}

// Model is a Sequelize model: the table it maps to and its attributes.
type Model struct {
	Name  string // model name
	Table string // resolved table name
	Span  Span
	// Attributes in declaration order, including those Sequelize adds
	// (id, timestamps, paranoid deletedAt) with Implicit set.
	Attributes   []*Attribute
	Indexes      []ModelIndex
	Associations []Association
	Timestamps   bool
	Paranoid     bool
	Underscored  bool
	// Optional lists creation attributes declared optional through a
	// TypeScript Optional<Attrs, 'a' | 'b'> type.
	Optional []string
	Problems []Problem
}

// Attribute is one model attribute.
type Attribute struct {
	Name   string // attribute name in code
	Field  string // column name
	Column *schema.Column
	// Virtual is DataTypes.VIRTUAL: no column.
	Virtual    bool
	PrimaryKey bool
	Unique     bool
	UniqueName string // unique: 'name' composite groups
	Implicit   bool   // added by Sequelize (id, createdAt, ...)
	References *Reference
	// HasDefault is true when defaultValue is set (even to a JS-side value
	// like UUIDV4 that has no DB default).
	HasDefault bool
	// Validate holds the validator names (min, max, isIn, isEmail...).
	Validate []string
	Span     Span
	Attrs    map[string]Span // "references", "type", "allowNull", ...
}

// Reference is an attribute-level `references`.
type Reference struct {
	Table    string
	Key      string
	OnDelete string
	OnUpdate string
	// Constraint is false when the reference is application-level only
	// (constraints: false).
	Constraint bool
}

// ModelIndex is an entry of a model's `indexes` option.
type ModelIndex struct {
	Name   string
	Fields []string
	Unique bool
	Kind   string
	Span   Span
}

// Association is belongsTo / hasOne / hasMany / belongsToMany.
type Association struct {
	Kind        string // belongsTo, hasOne, hasMany, belongsToMany
	Source      string // model name
	Target      string // model name
	ForeignKey  string
	Through     string
	As          string
	OnDelete    string
	OnUpdate    string
	Constraints bool
	Span        Span
}
