package schemaview

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

// Change markers shown on attributes and relationships of a diagram.
const (
	MarkNew     = "NEW"
	MarkChanged = "CHANGED"
	MarkDropped = "DROPPED"
)

// Diagram configures a mermaid ER diagram.
type Diagram struct {
	// Brief names tables drawn with their key columns only (primary,
	// foreign, unique and referenced columns): the neighbours of the tables
	// under review.
	Brief map[string]bool
	// Marks maps table name, then lower-case column name, to the comment
	// shown on that attribute ("NEW", "CHANGED: was int").
	Marks map[string]map[string]string
	// Dropped maps table name to columns that no longer exist; they are
	// drawn at the end of the entity with a DROPPED comment.
	Dropped map[string][]*schema.Column
	// FKMarks maps table name, then lower-case foreign key name, to a
	// marker appended to the relationship label.
	FKMarks map[string]map[string]string
}

// WriteMermaid writes an erDiagram of every table of s (see Diagram.Render).
func WriteMermaid(w io.Writer, s *schema.Schema) error {
	if _, err := io.WriteString(w, Diagram{}.Render(s)); err != nil {
		return fmt.Errorf("schemaview: mermaid: %w", err)
	}
	return nil
}

// Render returns the mermaid erDiagram of s: one entity per table with its
// columns (type, name, PK/FK/UK keys, change comment) and one relationship
// per foreign key whose both tables are in s. The parent side is "exactly
// one" when every foreign-key column is NOT NULL, "zero or one" otherwise;
// the child side is "zero or one" when the foreign-key columns are unique,
// "zero or many" otherwise. Names that are not mermaid identifiers are
// rewritten (invalid characters become _), keeping them distinct.
func (d Diagram) Render(s *schema.Schema) string {
	var b strings.Builder
	b.WriteString("erDiagram\n")
	ids := newIdents()
	entity := map[string]string{}
	for _, t := range s.Tables {
		entity[t.Name] = ids.get("t:", t.Name)
	}
	for _, t := range s.Tables {
		fmt.Fprintf(&b, "    %s {\n", entity[t.Name])
		cols := newIdents()
		brief := d.Brief[t.Name]
		referenced := referencedColumns(s, t.Name)
		for _, c := range t.Columns {
			keys := columnKeys(t, c.Name)
			lc := strings.ToLower(c.Name)
			mark := d.Marks[t.Name][lc]
			if brief && len(keys) == 0 && !referenced[lc] && mark == "" {
				continue
			}
			writeAttr(&b, c, cols.get("", c.Name), keys, mark)
		}
		for _, c := range d.Dropped[t.Name] {
			writeAttr(&b, c, cols.get("", c.Name), nil, MarkDropped)
		}
		b.WriteString("    }\n")
	}
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			parent, ok := entity[fk.RefTable]
			if !ok {
				continue
			}
			left := "||"
			for _, col := range fk.Columns {
				if c := t.Column(col); c == nil || c.Nullable {
					left = "|o"
				}
			}
			right := "o{"
			if uniqueOn(t, fk.Columns) {
				right = "o|"
			}
			label := fk.Name
			if m := d.FKMarks[t.Name][strings.ToLower(fk.Name)]; m != "" {
				label += " " + m
			}
			fmt.Fprintf(&b, "    %s %s--%s %s : %s\n", parent, left, right, entity[t.Name], quoteLabel(label))
		}
	}
	return b.String()
}

func writeAttr(b *strings.Builder, c *schema.Column, name string, keys []string, mark string) {
	fmt.Fprintf(b, "        %s %s", attrType(c.Type), name)
	if len(keys) > 0 {
		b.WriteString(" " + strings.Join(keys, ", "))
	}
	if mark != "" {
		b.WriteString(" " + quoteLabel(mark))
	}
	b.WriteByte('\n')
}

// columnKeys returns the mermaid key markers of a column: PK when it is
// part of the primary key, FK when it is part of a foreign key, UK when it
// is part of a unique index.
func columnKeys(t *schema.Table, col string) []string {
	in := func(cols []string) bool {
		for _, c := range cols {
			if strings.EqualFold(c, col) {
				return true
			}
		}
		return false
	}
	var pk, uk, fk bool
	for _, ix := range t.Indexes {
		if in(ix.Columns()) {
			pk = pk || ix.Primary
			uk = uk || (ix.Unique && !ix.Primary)
		}
	}
	for _, f := range t.ForeignKeys {
		fk = fk || in(f.Columns)
	}
	var out []string
	if pk {
		out = append(out, "PK")
	}
	if fk {
		out = append(out, "FK")
	}
	if uk {
		out = append(out, "UK")
	}
	return out
}

// referencedColumns returns the lower-case columns of table that a foreign
// key of s refers to.
func referencedColumns(s *schema.Schema, table string) map[string]bool {
	out := map[string]bool{}
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			if fk.RefTable == table {
				for _, c := range fk.RefColumns {
					out[strings.ToLower(c)] = true
				}
			}
		}
	}
	return out
}

// uniqueOn reports whether a primary or unique index of t covers exactly
// cols (whole columns, any order), so each value occurs at most once.
func uniqueOn(t *schema.Table, cols []string) bool {
	for _, ix := range t.Indexes {
		if !(ix.Unique || ix.Primary) || len(ix.Parts) != len(cols) {
			continue
		}
		all := true
		for _, p := range ix.Parts {
			found := false
			for _, c := range cols {
				found = found || (p.Length == 0 && strings.EqualFold(p.Column, c))
			}
			all = all && found
		}
		if all {
			return true
		}
	}
	return false
}

var (
	// identRE is what the diagram uses for entity and attribute names: a
	// subset of what mermaid accepts, safe in every version GitHub ran.
	identRE   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	notIdent  = regexp.MustCompile(`[^A-Za-z0-9_]+`)
	notTypeCh = regexp.MustCompile(`[^A-Za-z0-9_()]+`)
)

// attrType spells a column type as a mermaid attribute type: words joined
// by _, the length kept in parentheses, commas as _ (decimal(10_2)), enum
// and set values left out.
func attrType(t schema.Type) string {
	s := t.String()
	if t.Base == "enum" || t.Base == "set" {
		s = t.Base
		if t.Unsigned {
			s += " unsigned"
		}
	}
	s = strings.ReplaceAll(s, ",", "_")
	s = notTypeCh.ReplaceAllString(s, "_")
	return strings.Trim(s, "_")
}

// idents hands out distinct mermaid identifiers for arbitrary names.
type idents struct {
	byName map[string]string
	used   map[string]bool
}

func newIdents() *idents { return &idents{byName: map[string]string{}, used: map[string]bool{}} }

func (ids *idents) get(ns, name string) string {
	if id, ok := ids.byName[ns+name]; ok {
		return id
	}
	id := name
	if !identRE.MatchString(id) {
		id = notIdent.ReplaceAllString(id, "_")
		if id == "" || (id[0] >= '0' && id[0] <= '9') {
			id = "_" + id
		}
	}
	switch strings.ToUpper(id) {
	case "PK", "FK", "UK":
		// Key markers: mermaid would read them as keys, not names.
		id += "_"
	}
	base := id
	for n := 2; ids.used[strings.ToLower(id)]; n++ {
		id = base + "_" + strconv.Itoa(n)
	}
	ids.used[strings.ToLower(id)] = true
	ids.byName[ns+name] = id
	return id
}

// quoteLabel quotes a relationship label or attribute comment; mermaid
// strings cannot hold a double quote.
func quoteLabel(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, "'") + `"`
}
