package schemaview

import (
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

// Table statuses of a TableDiff.
const (
	TableNew     = "new"
	TableDropped = "dropped"
	TableChanged = "changed"
)

// Item changes of a DiffItem.
const (
	Added   = "added"
	Dropped = "dropped"
	Changed = "changed"
	Renamed = "renamed"
)

// TableDiff is what a change does to one table.
type TableDiff struct {
	Name   string
	Status string // TableNew, TableDropped or TableChanged
	Items  []DiffItem
}

// DiffItem is one added, dropped, changed or renamed element of a table.
type DiffItem struct {
	// Kind is "column", "column order", "index", "foreign key", "check" or
	// "option", as in schema.Difference.
	Kind string
	// Name is the element's name; for a renamed column, the new name (From
	// holds the old one).
	Name   string
	From   string
	Change string // Added, Dropped, Changed or Renamed
	// Before and After are the definitions in each state, in DDL form;
	// column definitions leave out the column name.
	Before, After string
}

// Diff lists the tables that differ between before and after, in the
// order schema.Compare reports them (by name), with the elements of each:
// a new or dropped table lists all its columns, indexes, foreign keys and
// checks as added or dropped. A column dropped and another added in the
// same table with the same definition are reported as one rename when
// the pairing is unambiguous.
func Diff(before, after *schema.Schema) []TableDiff {
	var out []TableDiff
	byName := map[string]int{}
	get := func(name string) *TableDiff {
		i, ok := byName[name]
		if !ok {
			i = len(out)
			byName[name] = i
			out = append(out, TableDiff{Name: name, Status: TableChanged})
		}
		return &out[i]
	}
	for _, d := range schema.Compare(before, after) {
		td := get(d.Table)
		switch {
		case d.Kind == "table" && d.Change == "extra":
			td.Status = TableNew
			td.Items = append(td.Items, tableItems(after.Table(d.Table), Added)...)
		case d.Kind == "table" && d.Change == "missing":
			td.Status = TableDropped
			td.Items = append(td.Items, tableItems(before.Table(d.Table), Dropped)...)
		default:
			it := DiffItem{Kind: d.Kind, Name: d.Name, Before: d.Before, After: d.After}
			switch d.Change {
			case "missing":
				it.Change = Dropped
			case "extra":
				it.Change = Added
			default:
				it.Change = Changed
			}
			if d.Kind == "column" {
				it.Before, it.After = columnDef(before, d.Table, d.Name, d.Before), columnDef(after, d.Table, d.Name, d.After)
				if it.Change == Changed && it.Before == it.After {
					// Only the table default character set moved.
					it.Before, it.After = stripName(d.Name, d.Before), stripName(d.Name, d.After)
				}
			}
			td.Items = append(td.Items, it)
		}
	}
	for i := range out {
		if out[i].Status == TableChanged {
			out[i].Items = pairRenames(out[i].Items)
		}
	}
	return out
}

// tableItems lists every element of t with the given change.
func tableItems(t *schema.Table, change string) []DiffItem {
	var out []DiffItem
	def := func(it DiffItem, sql string) DiffItem {
		if change == Added {
			it.After = sql
		} else {
			it.Before = sql
		}
		return it
	}
	for _, c := range t.Columns {
		out = append(out, def(DiffItem{Kind: "column", Name: c.Name, Change: change}, stripName(c.Name, t.ColumnSQL(c))))
	}
	for _, ix := range t.Indexes {
		out = append(out, def(DiffItem{Kind: "index", Name: ix.Name, Change: change}, ix.IndexSQL()))
	}
	for _, fk := range t.ForeignKeys {
		out = append(out, def(DiffItem{Kind: "foreign key", Name: fk.Name, Change: change}, fk.ForeignKeySQL()))
	}
	for _, ck := range t.Checks {
		out = append(out, def(DiffItem{Kind: "check", Name: ck.Name, Change: change}, ck.CheckSQL()))
	}
	return out
}

// pairRenames merges a dropped and an added column with the same
// definition into one rename, when neither has another candidate.
func pairRenames(items []DiffItem) []DiffItem {
	var dropped, added []int
	for i, it := range items {
		if it.Kind != "column" {
			continue
		}
		switch it.Change {
		case Dropped:
			dropped = append(dropped, i)
		case Added:
			added = append(added, i)
		}
	}
	remove := map[int]bool{}
	for _, d := range dropped {
		var match []int
		for _, a := range added {
			if items[a].After == items[d].Before {
				match = append(match, a)
			}
		}
		if len(match) != 1 {
			continue
		}
		others := 0
		for _, d2 := range dropped {
			if items[d2].Before == items[match[0]].After {
				others++
			}
		}
		if others != 1 {
			continue
		}
		a := match[0]
		items[d] = DiffItem{Kind: "column", Name: items[a].Name, From: items[d].Name, Change: Renamed,
			Before: items[d].Before, After: items[a].After}
		remove[a] = true
	}
	var out []DiffItem
	for i, it := range items {
		if remove[i] {
			continue
		}
		out = append(out, it)
	}
	return out
}

// columnDef renders a column of s as SHOW CREATE TABLE does (character set
// and collation only where they differ from the table's), without its
// name; def, the full definition, stands in when there is no such column.
func columnDef(s *schema.Schema, table, column, def string) string {
	if def == "" {
		return ""
	}
	t := s.Table(table)
	if c := t.Column(column); c != nil {
		return stripName(c.Name, t.ColumnSQL(c))
	}
	return stripName(column, def)
}

// stripName removes the leading quoted column name of a definition.
func stripName(name, def string) string {
	return strings.TrimPrefix(def, schema.QuoteIdent(name)+" ")
}

// ChangeDiagram returns the tables to draw for a change and how to mark
// them: every table of diffs that still exists after the change, with its
// NEW, CHANGED, RENAMED and DROPPED columns and NEW or CHANGED foreign keys
// marked, plus its direct foreign-key neighbours (tables it refers to and
// tables that refer to it) drawn briefly. Tables keep the order of after.
func ChangeDiagram(before, after *schema.Schema, diffs []TableDiff) (*schema.Schema, Diagram) {
	d := Diagram{
		Brief:   map[string]bool{},
		Marks:   map[string]map[string]string{},
		Dropped: map[string][]*schema.Column{},
		FKMarks: map[string]map[string]string{},
	}
	touched := map[string]bool{}
	for _, td := range diffs {
		if after.Table(td.Name) == nil {
			continue
		}
		touched[td.Name] = true
		marks, fkMarks := map[string]string{}, map[string]string{}
		for _, it := range td.Items {
			switch {
			case it.Kind == "column" && td.Status == TableNew:
				marks[strings.ToLower(it.Name)] = MarkNew
			case it.Kind == "column" && it.Change == Added:
				marks[strings.ToLower(it.Name)] = MarkNew
			case it.Kind == "column" && it.Change == Changed:
				marks[strings.ToLower(it.Name)] = MarkChanged + ": was " + it.Before
			case it.Kind == "column" && it.Change == Renamed:
				marks[strings.ToLower(it.Name)] = MarkChanged + ": renamed from " + it.From
			case it.Kind == "column" && it.Change == Dropped:
				if c := before.Table(td.Name).Column(it.Name); c != nil {
					d.Dropped[td.Name] = append(d.Dropped[td.Name], c)
				}
			case it.Kind == "foreign key" && (it.Change == Added || td.Status == TableNew):
				fkMarks[strings.ToLower(it.Name)] = "(" + MarkNew + ")"
			case it.Kind == "foreign key" && it.Change == Changed:
				fkMarks[strings.ToLower(it.Name)] = "(" + MarkChanged + ")"
			}
		}
		d.Marks[td.Name], d.FKMarks[td.Name] = marks, fkMarks
	}
	show := map[string]bool{}
	for _, t := range after.Tables {
		for _, fk := range t.ForeignKeys {
			if touched[t.Name] {
				show[fk.RefTable] = true
			}
			if touched[fk.RefTable] {
				show[t.Name] = true
			}
		}
	}
	out := &schema.Schema{}
	for _, t := range after.Tables {
		switch {
		case touched[t.Name]:
			out.Tables = append(out.Tables, t)
		case show[t.Name]:
			out.Tables = append(out.Tables, t)
			d.Brief[t.Name] = true
		}
	}
	return out, d
}
