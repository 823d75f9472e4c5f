package schema

import (
	"slices"
	"strings"
)

// Difference is one difference between two schema states.
type Difference struct {
	// Kind is "table", "column", "column order", "index", "foreign key",
	// "check" or "option".
	Kind string
	// Table is the table concerned; Name the column, index, key or option
	// (empty when Kind is "table" or "column order").
	Table string
	Name  string
	// Change is "missing" (in the first state only), "extra" (in the second
	// only) or "changed".
	Change string
	// Before and After describe the definitions in each state, in DDL form.
	Before string
	After  string
}

// String renders the difference as one line for messages.
func (d Difference) String() string {
	what := d.Kind
	if d.Name != "" {
		what += " " + QuoteIdent(d.Name)
	}
	if d.Kind != "table" {
		what += " of " + QuoteIdent(d.Table)
	} else {
		what += " " + QuoteIdent(d.Table)
	}
	switch d.Change {
	case "missing":
		return what + " is missing: " + d.Before
	case "extra":
		return what + " is extra: " + d.After
	}
	return what + " changed: " + d.Before + " -> " + d.After
}

// Compare names every difference between a and b: tables, columns (their
// definitions and order), indexes, foreign keys, checks and table options.
// The result is ordered by table name, then kind (columns, column order,
// indexes, foreign keys, checks, options), then object name.
//
// Index and foreign key names compare case-insensitively, as MySQL does.
// Whether MySQL generated an index for a foreign key (Index.Implicit) is
// not a difference, and a foreign key rule left unstated equals NO ACTION.
func Compare(a, b *Schema) []Difference {
	if a == nil {
		a = &Schema{}
	}
	if b == nil {
		b = &Schema{}
	}
	var names []string
	byName := [2]map[string]*Table{{}, {}}
	for i, s := range []*Schema{a, b} {
		for _, t := range s.Tables {
			if byName[0][t.Name] == nil && byName[1][t.Name] == nil {
				names = append(names, t.Name)
			}
			byName[i][t.Name] = t
		}
	}
	slices.Sort(names)
	var out []Difference
	for _, n := range names {
		ta, tb := byName[0][n], byName[1][n]
		switch {
		case ta == tb:
			// Apply is copy-on-write: a shared table is unchanged.
		case tb == nil:
			out = append(out, Difference{Kind: "table", Table: n, Change: "missing", Before: ta.CreateSQL()})
		case ta == nil:
			out = append(out, Difference{Kind: "table", Table: n, Change: "extra", After: tb.CreateSQL()})
		default:
			out = append(out, compareTables(ta, tb)...)
		}
	}
	return out
}

// named is one comparable object of a table: its name and DDL.
type named struct {
	name, sql string
}

// diffNamed compares two lists of named objects by lower-case name.
func diffNamed(kind, table string, a, b []named) []Difference {
	idx := func(l []named) map[string]named {
		m := map[string]named{}
		for _, x := range l {
			m[strings.ToLower(x.name)] = x
		}
		return m
	}
	ma, mb := idx(a), idx(b)
	var keys []string
	for k := range ma {
		keys = append(keys, k)
	}
	for k := range mb {
		if _, ok := ma[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []Difference
	for _, k := range keys {
		x, inA := ma[k]
		y, inB := mb[k]
		switch {
		case !inB:
			out = append(out, Difference{Kind: kind, Table: table, Name: x.name, Change: "missing", Before: x.sql})
		case !inA:
			out = append(out, Difference{Kind: kind, Table: table, Name: y.name, Change: "extra", After: y.sql})
		case x.sql != y.sql:
			out = append(out, Difference{Kind: kind, Table: table, Name: y.name, Change: "changed", Before: x.sql, After: y.sql})
		}
	}
	return out
}

func compareTables(a, b *Table) []Difference {
	var out []Difference
	cols := func(t *Table) []named {
		var l []named
		for _, c := range t.Columns {
			l = append(l, named{c.Name, c.DefinitionSQL()})
		}
		return l
	}
	out = append(out, diffNamed("column", a.Name, cols(a), cols(b))...)
	// Column order, over the columns both states have.
	common := func(t, other *Table) []string {
		var l []string
		for _, c := range t.Columns {
			if other.Column(c.Name) != nil {
				l = append(l, strings.ToLower(c.Name))
			}
		}
		return l
	}
	if oa, ob := common(a, b), common(b, a); !slices.Equal(oa, ob) {
		out = append(out, Difference{Kind: "column order", Table: a.Name, Change: "changed",
			Before: quoteList(columnNames(a)), After: quoteList(columnNames(b))})
	}
	idx := func(t *Table) []named {
		var l []named
		for _, ix := range t.Indexes {
			l = append(l, named{ix.Name, ix.IndexSQL()})
		}
		return l
	}
	out = append(out, diffNamed("index", a.Name, idx(a), idx(b))...)
	fks := func(t *Table) []named {
		var l []named
		for _, fk := range t.ForeignKeys {
			n := fk.Clone()
			n.OnDelete, n.OnUpdate = normRule(n.OnDelete), normRule(n.OnUpdate)
			l = append(l, named{fk.Name, n.ForeignKeySQL()})
		}
		return l
	}
	out = append(out, diffNamed("foreign key", a.Name, fks(a), fks(b))...)
	cks := func(t *Table) []named {
		var l []named
		for _, ck := range t.Checks {
			l = append(l, named{ck.Name, ck.CheckSQL()})
		}
		return l
	}
	out = append(out, diffNamed("check", a.Name, cks(a), cks(b))...)
	opt := func(name, x, y string) {
		if x != y {
			out = append(out, Difference{Kind: "option", Table: a.Name, Name: name, Change: "changed", Before: name + "=" + x, After: name + "=" + y})
		}
	}
	opt("ENGINE", a.Options.Engine, b.Options.Engine)
	opt("DEFAULT CHARSET", a.Options.Charset, b.Options.Charset)
	opt("COLLATE", a.Options.Collation, b.Options.Collation)
	opt("ROW_FORMAT", a.Options.RowFormat, b.Options.RowFormat)
	opt("COMMENT", QuoteString(a.Options.Comment), QuoteString(b.Options.Comment))
	return out
}

func columnNames(t *Table) []string {
	l := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		l[i] = c.Name
	}
	return l
}

// normRule maps an unstated referential action to NO ACTION, which is what
// MySQL records for it.
func normRule(r string) string {
	r = strings.ToUpper(strings.TrimSpace(r))
	if r == "" {
		return NoAction
	}
	return r
}
