package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleFK106 = &Rule{
	Code:     "FK106",
	Name:     "fk-cascade-chain",
	Severity: Medium,
	Title:    "ON DELETE CASCADE chain of two or more levels",
	Run:      runFK106,
}

// cascadeGraph holds the ON DELETE CASCADE edges of a schema, parent to
// children, in table order. Self-references are left out: they cascade
// within one table.
type cascadeGraph struct {
	children map[string][]string
	parents  map[string][]string
}

func newCascadeGraph(s *schema.Schema) *cascadeGraph {
	g := &cascadeGraph{children: map[string][]string{}, parents: map[string][]string{}}
	if s == nil {
		return g
	}
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			if !strings.EqualFold(fk.OnDelete, schema.Cascade) || fk.RefTable == t.Name {
				continue
			}
			g.children[fk.RefTable] = appendNew(g.children[fk.RefTable], t.Name)
			g.parents[t.Name] = appendNew(g.parents[t.Name], fk.RefTable)
		}
	}
	return g
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// maxCascadeDepth bounds the chain search: InnoDB stops cascading after
// 15 nested levels, so longer chains cannot happen anyway, and the bound
// keeps the search cheap on large schemas.
const maxCascadeDepth = 16

// longestPath returns the longest simple path (up to maxCascadeDepth
// tables) that starts at from and follows next; the first one found wins
// ties, so the result is deterministic.
func longestPath(from string, next map[string][]string, seen map[string]bool) []string {
	if len(seen) >= maxCascadeDepth {
		return []string{from}
	}
	seen[from] = true
	defer delete(seen, from)
	best := []string{from}
	for _, n := range next[from] {
		if seen[n] {
			continue
		}
		if p := longestPath(n, next, seen); len(p)+1 > len(best) {
			best = append([]string{from}, p...)
		}
	}
	return best
}

// chainThrough returns the longest cascade chain that uses the edge
// parent → child, from its root to its deepest table.
func (g *cascadeGraph) chainThrough(parent, child string) []string {
	up := longestPath(parent, g.parents, map[string]bool{child: true})
	seen := map[string]bool{}
	for _, t := range up {
		seen[t] = true
	}
	down := longestPath(child, g.children, seen)
	chain := make([]string, 0, len(up)+len(down))
	for i := len(up) - 1; i >= 0; i-- {
		chain = append(chain, up[i])
	}
	return append(chain, down...)
}

// reach lists every table a delete in root cascades into, breadth first.
func (g *cascadeGraph) reach(root string) []string {
	seen := map[string]bool{root: true}
	queue, out := []string{root}, []string(nil)
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, c := range g.children[t] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
				queue = append(queue, c)
			}
		}
	}
	return out
}

// runFK106 looks, after each judged migration, at the cascade chains that
// pass through the ON DELETE CASCADE keys the migration adds, and reports
// each chain of two or more levels once, at the first key that forms it.
func runFK106(p *Pass) error {
	for _, st := range p.Judged() {
		g := newCascadeGraph(st.After)
		seen := map[string]bool{}
		for i := range st.Up {
			r := &st.Up[i]
			if r.Err != nil || r.Op.Change == nil {
				continue
			}
			for _, a := range AddedFKs(r.Op.Change) {
				if !strings.EqualFold(a.FK.OnDelete, schema.Cascade) || a.FK.RefTable == a.Table || !hasFK(st.After.Table(a.Table), a.FK) {
					continue
				}
				chain := g.chainThrough(a.FK.RefTable, a.Table)
				key := strings.Join(chain, "→")
				if len(chain) < 3 || seen[key] {
					continue
				}
				seen[key] = true
				msg := fmt.Sprintf("Foreign key %s makes an ON DELETE CASCADE chain %d levels deep: `%s`. Deleting one `%s` row silently deletes rows in %s, each level in the same transaction, holding locks on every row it removes.",
					fkLabel(a.Table, a.FK), len(chain)-1, strings.Join(chain, " → "), chain[0], quoteList(chain[1:]))
				if all := g.reach(chain[0]); len(all) > len(chain)-1 {
					msg += fmt.Sprintf(" In all, a delete in `%s` now cascades into %s.", chain[0], quoteList(all))
				}
				span, fkey := FKSpan(r.Op, a.FK)
				p.ReportAt(span, fkey+" "+r.Op.Text, msg,
					fmt.Sprintf("Check that deleting a `%s` row should really remove all of this. If not, use ON DELETE RESTRICT on this key (or another link of the chain) and delete children explicitly, in batches, or soft-delete `%s` rows instead.", chain[0], chain[0]))
			}
		}
	}
	return nil
}

// hasFK reports whether t still has a key like fk (same columns, parent
// and delete rule); the key may have been dropped again later in the
// migration.
func hasFK(t *schema.Table, fk *schema.ForeignKey) bool {
	if t == nil {
		return false
	}
	for _, x := range t.ForeignKeys {
		if x.RefTable == fk.RefTable && strings.EqualFold(x.OnDelete, fk.OnDelete) && leftPrefixOf(fk.Columns, x.Columns) && len(fk.Columns) == len(x.Columns) {
			return true
		}
	}
	return false
}

var ruleFK108 = &Rule{
	Code:     "FK108",
	Name:     "fk-column-unindexed",
	Severity: High,
	Title:    "Application-level reference column without an index",
	Run:      runFK108,
}

// appRef is a column that points at another table only in application
// code.
type appRef struct {
	model  *ir.Model
	table  string
	column string
	parent string
	how    string // how it is declared, for the message
	span   ir.Span
}

// runFK108 reports application-level references (constraints: false) whose
// column no index starts with. Real foreign keys are never reported: MySQL
// indexes their columns itself. The schema replayed from the migrations is
// the truth when there are migrations; without any, the models' own
// indexes are (the database then comes from sync()).
func runFK108(p *Pass) error {
	var final *schema.Schema
	if n := len(p.Steps); n > 0 {
		final = p.Steps[n-1].After
	}
	refs, constrained := p.appRefs()
	seen := map[string]bool{}
	for _, ref := range refs {
		key := ref.table + "." + strings.ToLower(ref.column)
		if seen[key] {
			continue
		}
		seen[key] = true
		if final != nil {
			t := final.Table(ref.table)
			if t == nil || t.Column(ref.column) == nil || indexedFirst(t, ref.column) || hasDBForeignKey(t, ref.column) {
				continue
			}
		} else if modelIndexed(ref.model, ref.column) || constrained[key] {
			// sync() builds the schema: model indexes count, and so do
			// the keys another declaration makes a real constraint.
			continue
		}
		p.ReportAt(ref.span, "app-ref "+key,
			fmt.Sprintf("`%s.%s` points at `%s` only in application code (%s), so MySQL never creates an index for it, and none starts with it: every lookup of the `%s` rows of one `%s` row (includes, getters, joins, deletes by parent) scans the whole `%s` table.",
				ref.table, ref.column, ref.parent, ref.how, ref.table, ref.parent, ref.table),
			fmt.Sprintf("Add an index in a migration: `CREATE INDEX %s_%s_idx ON %s (%s)` (Sequelize: `queryInterface.addIndex('%s', ['%s'])`), and declare it in the model's `indexes`.",
				ref.table, ref.column, ref.table, ref.column, ref.table, ref.column))
	}
	return nil
}

// appRefs lists the application-level references the models declare:
// attributes whose `references` has constraints off, and associations
// declared with constraints: false. It also returns the table.column keys
// (lower-case column) that some declaration makes a real constraint.
func (p *Pass) appRefs() ([]appRef, map[string]bool) {
	var out []appRef
	constrained := map[string]bool{}
	byName := map[string]*ir.Model{}
	for _, m := range p.Models {
		byName[m.Name] = m
	}
	for _, m := range p.Models {
		for _, a := range m.Attributes {
			if a.Virtual || a.References == nil || a.References.Table == "" {
				continue
			}
			if a.References.Constraint {
				constrained[m.Table+"."+strings.ToLower(a.Field)] = true
				continue
			}
			span := a.Span
			if s, ok := a.Attrs["references"]; ok && s.Valid() {
				span = s
			}
			out = append(out, appRef{model: m, table: m.Table, column: a.Field, parent: a.References.Table, how: "`references` with constraints: false", span: span})
		}
	}
	// belongsTo first: it is declared on the model that holds the column.
	// belongsToMany keys live in the through table and are not listed.
	for _, kind := range []string{"belongsTo", "hasOne", "hasMany"} {
		for _, m := range p.Models {
			for _, as := range m.Associations {
				if as.Kind != kind || as.ForeignKey == "" {
					continue
				}
				holder, parent := byName[as.Target], m
				if kind == "belongsTo" {
					holder, parent = m, byName[as.Target]
				}
				if holder == nil || parent == nil {
					continue
				}
				col := as.ForeignKey
				if holder.Underscored {
					col = snakeCase(col)
				}
				for _, a := range holder.Attributes {
					if a.Name == as.ForeignKey && a.Field != "" {
						col = a.Field
					}
				}
				if as.Constraints {
					constrained[holder.Table+"."+strings.ToLower(col)] = true
					continue
				}
				out = append(out, appRef{model: holder, table: holder.Table, column: col, parent: parent.Table,
					how: fmt.Sprintf("`%s.%s(%s, { constraints: false })`", m.Name, as.Kind, as.Target), span: as.Span})
			}
		}
	}
	return out, constrained
}

// indexedFirst reports whether some index of t starts with column.
func indexedFirst(t *schema.Table, column string) bool {
	for _, ix := range t.Indexes {
		if len(ix.Parts) > 0 && strings.EqualFold(ix.Parts[0].Column, column) && ix.Kind == "" {
			return true
		}
	}
	return false
}

// hasDBForeignKey reports whether a real foreign key of t starts with column.
func hasDBForeignKey(t *schema.Table, column string) bool {
	for _, fk := range t.ForeignKeys {
		if len(fk.Columns) > 0 && strings.EqualFold(fk.Columns[0], column) {
			return true
		}
	}
	return false
}

// modelIndexed reports whether the model itself indexes column first
// (primary key, unique attribute, or an `indexes` entry).
func modelIndexed(m *ir.Model, column string) bool {
	if m == nil {
		return false
	}
	for _, a := range m.Attributes {
		if strings.EqualFold(a.Field, column) && (a.PrimaryKey || a.Unique) {
			return true
		}
	}
	for _, ix := range m.Indexes {
		if len(ix.Fields) == 0 {
			continue
		}
		f := ix.Fields[0]
		for _, a := range m.Attributes {
			if a.Name == f {
				f = a.Field
			}
		}
		if strings.EqualFold(f, column) {
			return true
		}
	}
	return false
}

// snakeCase turns an attribute name into the column name an underscored model
// gives it when the attribute is not declared: authorId → author_id.
func snakeCase(name string) string {
	var b strings.Builder
	for i, r := range name {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
