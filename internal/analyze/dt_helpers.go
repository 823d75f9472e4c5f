package analyze

import (
	"strings"
	"unicode"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

// touch is a column that a judged migration creates or redefines, with the
// operation that did so last.
type touch struct {
	r     *replay.OpResult
	table string
	// col is the column as the statement declares it (character sets not
	// yet resolved).
	col *schema.Column
}

// span returns where the column is declared in its operation.
func (t touch) span() ir.Span { return ColumnSpan(t.r.Op, t.col.Name) }

// subject is the fingerprint subject of a finding about the column.
func (t touch) subject() string { return Subject(t.r.Op, "column:"+t.col.Name) }

// touchedColumns lists the columns the judged migrations create (in CREATE
// TABLE or ADD COLUMN) or redefine (MODIFY/CHANGE), each with the last
// successful operation that declared it, in order of first appearance.
// Failed operations are left to ER101 and the rules that explain errors.
func (p *Pass) touchedColumns() []touch {
	var order []string
	last := map[string]touch{}
	add := func(r *replay.OpResult, table string, c *schema.Column) {
		if c == nil {
			return
		}
		k := table + "\x00" + strings.ToLower(c.Name)
		if _, ok := last[k]; !ok {
			order = append(order, k)
		}
		last[k] = touch{r: r, table: table, col: c}
	}
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err != nil || r.Op.Change == nil {
			return
		}
		switch c := r.Op.Change.(type) {
		case *schema.CreateTable:
			if c.Table == nil || c.Like != "" {
				return
			}
			for _, col := range c.Table.Columns {
				add(r, c.Table.Name, col)
			}
		case *schema.AlterTable:
			for _, s := range c.Specs {
				switch s := s.(type) {
				case *schema.AddColumn:
					add(r, c.Table, s.Column)
				case *schema.ModifyColumn:
					add(r, c.Table, s.Column)
				}
			}
		}
	})
	out := make([]touch, 0, len(order))
	for _, k := range order {
		out = append(out, last[k])
	}
	return out
}

// Final returns the schema after the whole replay: what the database looks
// like once every migration has run. Rules that judge a definition check it
// there, so a problem fixed by a later migration is not reported.
func (p *Pass) Final() *schema.Schema {
	for i := len(p.Steps) - 1; i >= 0; i-- {
		if p.Steps[i].After != nil {
			return p.Steps[i].After
		}
	}
	return &schema.Schema{}
}

// finalColumn returns the table and the resolved column a touch refers to
// in the final schema, or nils when it was renamed or dropped since.
func (p *Pass) finalColumn(t touch) (*schema.Table, *schema.Column) {
	tb := p.Final().Table(t.table)
	if tb == nil {
		return nil, nil
	}
	c := tb.Column(t.col.Name)
	if c == nil {
		return nil, nil
	}
	return tb, c
}

// nameWords splits an identifier into lower-case words at underscores,
// hyphens, spaces and camelCase boundaries: "totalPrice_usd" gives total,
// price, usd.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == ' ' || r == '.':
			flush()
			continue
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
			(i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// hasWord reports whether any of words is in set.
func hasWord(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// singular strips a plural ending for table-name matching (users → user,
// addresses → address, categories → category).
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// versionAtLeast reports whether a configured MySQL version ("8.0",
// "8.0.12", "8.4") is at least major.minor.patch; an empty or unreadable
// version counts as a current 8.0 release.
func versionAtLeast(v string, major, minor, patch int) bool {
	parts := strings.Split(strings.TrimSpace(v), ".")
	nums := []int{8, 0, 99}
	for i := 0; i < len(parts) && i < 3; i++ {
		n := 0
		ok := parts[i] != ""
		for _, r := range parts[i] {
			if r < '0' || r > '9' {
				ok = false
				break
			}
			n = n*10 + int(r-'0')
		}
		if !ok {
			return true
		}
		nums[i] = n
		if i == 1 && len(parts) == 2 {
			nums[2] = 99 // "8.0" means the current 8.0 release
		}
	}
	want := []int{major, minor, patch}
	for i := range nums {
		if nums[i] != want[i] {
			return nums[i] > want[i]
		}
	}
	return true
}

// modelJudged reports whether a model is under review: every model in
// whole-repository mode, the models in changed files otherwise.
func (p *Pass) modelJudged(m *ir.Model) bool {
	if !p.Settings.Base {
		return true
	}
	_, ok := p.Settings.Changed[m.Span.Path]
	return ok && p.Settings.Changed[m.Span.Path] != "deleted"
}

// typeSQL renders a type for messages with its name in upper case and its
// arguments (ENUM values included) as written: ENUM('a','b'), INT UNSIGNED.
func typeSQL(t schema.Type) string {
	s := t.String()
	rest := strings.TrimPrefix(s, t.Base)
	return strings.ToUpper(t.Base) + strings.ReplaceAll(strings.ReplaceAll(rest, " unsigned", " UNSIGNED"), " zerofill", " ZEROFILL")
}
