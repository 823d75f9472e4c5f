package analyze

import (
	"strconv"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

// newIndexes returns the table an op creates or alters (as named after the
// op) and the indexes the op added to it, MySQL's implicit foreign key
// indexes excluded. Names MySQL generated are resolved, since the indexes
// come from the state after the op.
func newIndexes(r *replay.OpResult) (string, []*schema.Index) {
	if r.Err != nil {
		return "", nil
	}
	var name string
	switch c := r.Op.Change.(type) {
	case *schema.CreateTable:
		if c.Table == nil || c.Like != "" {
			return "", nil
		}
		name = c.Table.Name
	case *schema.AlterTable:
		name = c.Table
		for _, s := range c.Specs {
			if rt, ok := s.(*schema.RenameTo); ok {
				name = rt.Name
			}
		}
	default:
		return "", nil
	}
	after := r.After.Table(name)
	if after == nil {
		return "", nil
	}
	var before *schema.Table
	renamed := map[string]string{}
	if at, ok := r.Op.Change.(*schema.AlterTable); ok {
		before = r.Before.Table(ChangedTable(r.Op.Change))
		renamed = columnRenames(at)
	}
	var out []*schema.Index
	for _, ix := range after.Indexes {
		if ix.Implicit {
			continue
		}
		if old := before.Index(ix.Name); old != nil && sameIndex(withRenames(old, renamed), ix) {
			continue
		}
		out = append(out, ix)
	}
	return name, out
}

// columnRenames maps the lower-case old names of the columns an ALTER
// renames (RENAME COLUMN, CHANGE old new) to their new names.
func columnRenames(at *schema.AlterTable) map[string]string {
	out := map[string]string{}
	for _, s := range at.Specs {
		switch s := s.(type) {
		case *schema.RenameColumn:
			out[strings.ToLower(s.From)] = s.To
		case *schema.ModifyColumn:
			if s.Column != nil && !strings.EqualFold(s.Name, s.Column.Name) {
				out[strings.ToLower(s.Name)] = s.Column.Name
			}
		}
	}
	return out
}

// withRenames returns ix with its key parts renamed as the ALTER renames
// their columns: an index that only followed a rename is not new.
func withRenames(ix *schema.Index, renamed map[string]string) *schema.Index {
	if len(renamed) == 0 {
		return ix
	}
	out := ix.Clone()
	for i, p := range out.Parts {
		if to, ok := renamed[strings.ToLower(p.Column)]; ok {
			out.Parts[i].Column = to
		}
	}
	return out
}

// sameIndex reports whether two indexes have the same definition.
func sameIndex(a, b *schema.Index) bool {
	return a.Primary == b.Primary && a.Unique == b.Unique && strings.EqualFold(a.Kind, b.Kind) &&
		len(a.Parts) == len(b.Parts) && partsPrefix(a.Parts, b.Parts)
}

// partsPrefix reports whether a's key parts are the first key parts of b:
// same columns (or expressions), prefix lengths and directions.
func partsPrefix(a, b []schema.IndexPart) bool {
	if len(a) == 0 || len(a) > len(b) {
		return false
	}
	for i, p := range a {
		q := b[i]
		if !strings.EqualFold(p.Column, q.Column) || p.Length != q.Length || p.Desc != q.Desc || p.Expr != q.Expr {
			return false
		}
	}
	return true
}

// plainBTree reports whether ix is an ordinary visible B-tree index on
// whole or prefixed columns (no functional key parts).
func plainBTree(ix *schema.Index) bool {
	if ix.Kind != "" || ix.Invisible {
		return false
	}
	for _, p := range ix.Parts {
		if p.Column == "" {
			return false
		}
	}
	return true
}

// indexColumns renders the key parts of ix as written in DDL: a, b(10), c DESC.
func indexColumns(ix *schema.Index) string {
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		s := p.Column
		if s == "" {
			s = "(" + p.Expr + ")"
		}
		if p.Length > 0 {
			s += "(" + strconv.Itoa(p.Length) + ")"
		}
		if p.Desc {
			s += " DESC"
		}
		parts[i] = s
	}
	return strings.Join(parts, ", ")
}

// indexLabel renders `name` on `table`(a, b).
func indexLabel(table string, ix *schema.Index) string {
	what := "index"
	switch {
	case ix.Primary:
		return "the primary key of `" + table + "`(" + indexColumns(ix) + ")"
	case ix.Unique:
		what = "unique index"
	}
	return what + " `" + ix.Name + "` on `" + table + "`(" + indexColumns(ix) + ")"
}

// indexSpan finds the position of an index inside op: its key clause, its
// name, or (for a key declared inside a column definition) its column.
func indexSpan(op *ir.Op, ix *schema.Index) (ir.Span, string) {
	cols := ix.Columns()
	if s, ok := nameLine(op, ix.Name); ok && !ix.Primary {
		return s, "index:" + ix.Name
	}
	keys := []string{"index:" + strings.Join(cols, ","), "index:" + ix.Name}
	for _, k := range keys {
		if s, ok := op.Attrs[k]; ok && s.Valid() {
			return s, k
		}
	}
	for k, s := range op.Attrs {
		for _, want := range keys {
			if strings.EqualFold(k, want) && s.Valid() {
				return s, want
			}
		}
	}
	if len(cols) == 1 {
		if s, ok := op.Attrs["column:"+cols[0]]; ok && s.Valid() {
			return s, "column:" + cols[0]
		}
	}
	return op.Span, keys[0]
}

// generatedName reports whether name was generated (by Sequelize or MySQL)
// rather than written: it appears neither in a SQL statement's text nor in
// the source lines of a Sequelize call (whose Op.Text is rendered SQL that
// holds the generated names). When the source cannot be read, the name
// counts as written, so no message claims what it cannot show.
func (p *Pass) generatedName(op *ir.Op, name string) bool {
	if name == "" {
		return false
	}
	lname := strings.ToLower(name)
	if op.Origin == "sql" || op.Origin == "" {
		return !strings.Contains(strings.ToLower(op.Text), lname)
	}
	if p.Files == nil || !op.Span.Valid() {
		return false
	}
	data, err := p.Files(op.Span.Path)
	if err != nil {
		return false
	}
	lines := strings.Split(string(data), "\n")
	end := max(op.Span.EndLine, op.Span.Line)
	if op.Span.Line > len(lines) || end > len(lines) {
		return false
	}
	src := strings.ToLower(strings.Join(lines[op.Span.Line-1:end], "\n"))
	return !strings.Contains(src, lname)
}

// nameLine finds the line of op's text where name is written as a whole
// word (quoted or not). Column lists in Op.Attrs can be ambiguous (an
// inline PRIMARY KEY and a KEY on the same column); a name is not.
func nameLine(op *ir.Op, name string) (ir.Span, bool) {
	if name == "" || op.Origin != "sql" || !op.Span.Valid() {
		return ir.Span{}, false
	}
	lines := strings.Split(op.Text, "\n")
	if op.Span.EndLine > 0 && len(lines) != op.Span.EndLine-op.Span.Line+1 {
		return ir.Span{}, false // the text does not map line for line
	}
	lname := strings.ToLower(name)
	for i, l := range lines {
		ll := strings.ToLower(l)
		for at := 0; ; {
			k := strings.Index(ll[at:], lname)
			if k < 0 {
				break
			}
			k += at
			end := k + len(lname)
			if (k == 0 || !identByte(ll[k-1])) && (end == len(ll) || !identByte(ll[end])) {
				line := op.Span.Line + i
				return ir.Span{Path: op.Span.Path, Line: line, EndLine: line}, true
			}
			at = k + 1
		}
	}
	return ir.Span{}, false
}

func identByte(b byte) bool {
	return b == '_' || b == '$' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}
