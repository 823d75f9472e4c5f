package schema

import (
	"errors"
	"strings"
	"testing"
)

// colOpt adjusts a test column.
type colOpt func(*Column)

var (
	notNull = func(c *Column) { c.Nullable = false }
	autoInc = func(c *Column) { c.AutoIncrement = true; c.Nullable = false }
)

func defaultLit(v string) colOpt {
	return func(c *Column) { c.Default = &Default{Value: v} }
}

func defaultExpr(v string) colOpt {
	return func(c *Column) { c.Default = &Default{Expr: true, Value: v} }
}

// col builds a nullable column of the given type, as DDL without NULL/NOT
// NULL declares it.
func col(t testing.TB, name, typ string, opts ...colOpt) *Column {
	t.Helper()
	ty, err := ParseType(typ)
	if err != nil {
		t.Fatalf("ParseType(%q): %v", typ, err)
	}
	c := &Column{Name: name, Type: ty, Nullable: true}
	for _, o := range opts {
		o(c)
	}
	return c
}

func key(name string, cols ...string) *Index {
	ix := &Index{Name: name}
	for _, c := range cols {
		ix.Parts = append(ix.Parts, IndexPart{Column: c})
	}
	return ix
}

func uniqueKey(name string, cols ...string) *Index {
	ix := key(name, cols...)
	ix.Unique = true
	return ix
}

func primary(cols ...string) *Index {
	ix := key("", cols...)
	ix.Primary = true
	return ix
}

func fkey(name string, cols []string, ref string, refCols ...string) *ForeignKey {
	return &ForeignKey{Name: name, Columns: cols, RefTable: ref, RefColumns: refCols}
}

func alter(table string, specs ...AlterSpec) *AlterTable {
	return &AlterTable{Table: table, Specs: specs}
}

// apply applies the changes in order and fails the test on any error.
func apply(t testing.TB, s *Schema, cs ...Change) *Schema {
	t.Helper()
	for i, c := range cs {
		next, err := Apply(s, c, Options{})
		if err != nil {
			t.Fatalf("change %d (%s): %v", i, RenderChange(c), err)
		}
		s = next
	}
	return s
}

// errCode returns the MySQL error number of err, 0 for nil and -1 for an
// error that is not a *Error.
func errCode(err error) int {
	if err == nil {
		return 0
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return -1
}

// baseSchema is users(id PK, email unique, name, status) and
// posts(id PK, user_id -> users.id via the implicit index, title).
func baseSchema(t testing.TB) *Schema {
	t.Helper()
	return apply(t, &Schema{},
		&CreateTable{Table: &Table{
			Name: "users",
			Columns: []*Column{
				col(t, "id", "INT UNSIGNED", autoInc),
				col(t, "email", "VARCHAR(255)", notNull),
				col(t, "name", "VARCHAR(100)"),
				col(t, "status", "ENUM('active','banned')", notNull, defaultLit("active")),
			},
			Indexes: []*Index{primary("id"), uniqueKey("", "email")},
		}},
		&CreateTable{Table: &Table{
			Name: "posts",
			Columns: []*Column{
				col(t, "id", "INT UNSIGNED", autoInc),
				col(t, "user_id", "INT UNSIGNED", notNull),
				col(t, "title", "VARCHAR(200)"),
			},
			Indexes:     []*Index{primary("id")},
			ForeignKeys: []*ForeignKey{{Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: Cascade}},
		}},
	)
}

func indexNames(t *Table) string {
	var n []string
	for _, ix := range t.Indexes {
		s := ix.Name + "(" + strings.Join(ix.Columns(), ",") + ")"
		if ix.Implicit {
			s += "*"
		}
		n = append(n, s)
	}
	return strings.Join(n, " ")
}
