package comment

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/schema"
)

func init() {
	extraSections = append(extraSections, Preflight)
}

// backupDate is the shell expression that dates the backup file.
const backupDate = "$(date +%Y%m%d-%H%M%S)"

// Size limits: the section shares GitHub's 65,535-character summary limit
// with the findings that follow it, so a whole-repository scan of a long
// history must not crowd them out.
const (
	maxChecks    = 40 // queries before the deploy
	maxRollbacks = 10 // migrations whose down is rendered, newest first
	maxDownOps   = 40 // statements of one down
)

// plan is what the pre-flight section says about a change, gathered from
// the replayed up operations of the judged migrations.
type plan struct {
	existing []string        // touched tables that hold data, in order of first touch
	created  []string        // tables the change creates
	isTouch  map[string]bool // both of the above
	before   []check         // queries to run before deploying
	after    []check         // orphan checks to repeat after deploying
	// backfilled holds "table.column" for the columns an UPDATE of the
	// change sets, so a later NOT NULL is expected to meet NULLs.
	backfilled map[string]bool
}

// check is one commented query.
type check struct {
	comment string
	sql     string // empty: the comment says why no query is needed
}

// Preflight renders the "Pre-flight plan" section of the summary for the
// migrations under review: the backup command for the existing tables they
// touch, the queries to run before deploying (row counts, orphans for new
// foreign keys, duplicates for new UNIQUE keys, NULLs for new NOT NULL
// columns), the checks to run after deploying, and the rollback plan (each
// down rendered as MySQL DDL, newest migration first). Queries only name
// tables and columns that exist before the statement that needs them; it is
// empty when no migration is under review.
func Preflight(r *scan.Result) string {
	var judged []*replay.Step
	for _, st := range r.Steps {
		if st.Judged {
			judged = append(judged, st)
		}
	}
	if len(judged) == 0 {
		return ""
	}
	p := &plan{isTouch: map[string]bool{}, backfilled: map[string]bool{}}
	for _, st := range judged {
		for i := range st.Up {
			p.add(&st.Up[i])
		}
	}
	final := judged[len(judged)-1].After

	var b strings.Builder
	b.WriteString("### 🧰 Pre-flight plan\n\n")
	switch {
	case len(p.existing) == 0 && len(p.created) == 0:
		b.WriteString("The migrations under review change no table.\n\n")
	default:
		fmt.Fprintf(&b, "Tables touched: %s.\n\n", touchedList(p))
	}

	b.WriteString("**1. Back up** the tables that hold data before deploying:\n\n")
	if len(p.existing) == 0 {
		b.WriteString("No existing table is changed: the change only creates tables, so there is nothing to back up.\n\n")
	} else {
		fmt.Fprintf(&b, "```sh\nmysqldump --single-transaction <database> %s > backup-%s.sql\n```\n\n", strings.Join(p.existing, " "), backupDate)
	}

	b.WriteString("**2. Before deploying**, on the production data (a replica is fine); each check states the result that is safe:\n\n")
	b.WriteString("```sql\n")
	if q := rowCounts(p.existing); q != "" {
		b.WriteString("-- Row counts of the tables the change touches (keep them to compare after the deploy).\n" + q + "\n")
	}
	writeChecks(&b, limitChecks(p.before))
	if len(p.existing) == 0 && len(p.before) == 0 {
		b.WriteString("-- Nothing to check: the change touches no table that holds data.\n")
	}
	b.WriteString("```\n\n")

	b.WriteString("**3. After deploying:**\n\n```sql\n")
	var still []string
	for _, t := range append(append([]string(nil), p.existing...), p.created...) {
		if final.Table(t) != nil {
			still = append(still, t)
		}
	}
	if q := rowCounts(stillExisting(p.existing, final)); q != "" {
		b.WriteString("-- Row counts again: they should match the counts taken before (plus what the migrations insert).\n" + q + "\n")
	}
	writeChecks(&b, limitChecks(p.after))
	for _, t := range still {
		fmt.Fprintf(&b, "SHOW CREATE TABLE %s;\n", schema.QuoteIdent(t))
	}
	if len(still) == 0 {
		b.WriteString("-- No touched table remains to inspect.\n")
	}
	b.WriteString("```\n\n")

	b.WriteString("**4. Rollback plan**, newest migration first (the down migrations as MySQL will run them):\n\n")
	for i := len(judged) - 1; i >= 0 && i >= len(judged)-maxRollbacks; i-- {
		writeRollback(&b, judged[i])
	}
	if n := len(judged) - maxRollbacks; n > 0 {
		fmt.Fprintf(&b, "%d older migration(s) under review are not shown; `guardian scan --format markdown` prints the plan locally, and a pull request usually reviews only its own migrations.\n\n", n)
	}
	return b.String()
}

// add records what one replayed up operation needs.
func (p *plan) add(r *replay.OpResult) {
	c := r.Op.Change
	if c == nil || r.Err != nil {
		return
	}
	for _, t := range touchedTables(c) {
		p.touch(r, t)
	}
	if u, ok := c.(*schema.Update); ok {
		for _, col := range u.Columns {
			p.backfilled[u.Table+"."+strings.ToLower(col)] = true
		}
	}
	table := analyze.ChangedTable(c)
	if table == "" || !analyze.Existing(r, table) {
		return // new tables are empty: nothing to check in their data
	}
	old := r.Before.Table(table)
	for _, a := range analyze.AddedFKs(c) {
		p.fkChecks(r, a)
	}
	_, specs := analyze.Specs(c)
	for _, s := range flatten(specs) {
		switch s := s.(type) {
		case *schema.AddIndex:
			if s.Index.Unique || s.Index.Primary {
				p.uniqueCheck(old, s.Index)
			}
		case *schema.AddColumn:
			col := s.Column
			if !col.Nullable && col.Default == nil && !col.AutoIncrement && col.Generated == nil {
				p.before = append(p.before, check{
					comment: fmt.Sprintf("`%s.%s` is added NOT NULL without a default: every existing row gets the implicit value %s. Rows affected:", table, col.Name, implicitValue(col.Type)),
					sql:     fmt.Sprintf("SELECT COUNT(*) AS rows_affected FROM %s;", schema.QuoteIdent(table)),
				})
			}
		case *schema.ModifyColumn:
			prev := old.Column(s.Name)
			if prev != nil && prev.Nullable && !s.Column.Nullable {
				comment := fmt.Sprintf("`%s.%s` becomes NOT NULL: MySQL fails (error 1138) or converts NULLs; expect 0.", table, s.Name)
				if p.backfilled[table+"."+strings.ToLower(s.Name)] {
					comment = fmt.Sprintf("`%s.%s` becomes NOT NULL after the change's UPDATE backfills it: this is how many rows the backfill must fill.", table, s.Name)
				}
				p.before = append(p.before, check{
					comment: comment,
					sql:     fmt.Sprintf("SELECT COUNT(*) AS null_rows FROM %s WHERE %s IS NULL;", schema.QuoteIdent(table), schema.QuoteIdent(s.Name)),
				})
			}
		}
	}
}

// flatten lists ALTER clauses with the keys declared inside column clauses.
func flatten(specs []schema.AlterSpec) []schema.AlterSpec {
	var out []schema.AlterSpec
	for _, s := range specs {
		out = append(out, s)
		switch s := s.(type) {
		case *schema.AddColumn:
			out = append(out, flatten(s.Inline)...)
		case *schema.ModifyColumn:
			out = append(out, flatten(s.Inline)...)
		}
	}
	return out
}

// touch records a table the change acts on, as existing (it holds data at
// that point) or created. A table created by one judged migration and
// changed by a later one that sees it as existing (whole-repository mode)
// counts as existing.
func (p *plan) touch(r *replay.OpResult, table string) {
	switch {
	case analyze.Existing(r, table):
		if i := slices.Index(p.created, table); i >= 0 {
			p.created = slices.Delete(p.created, i, i+1)
		} else if p.isTouch[table] {
			return
		}
		p.existing = append(p.existing, table)
	case !p.isTouch[table] && r.Before.Table(table) == nil && r.After.Table(table) != nil:
		p.created = append(p.created, table)
	default:
		return
	}
	p.isTouch[table] = true
}

// touchedTables lists the tables a change acts on.
func touchedTables(c schema.Change) []string {
	switch c := c.(type) {
	case *schema.DropTable:
		return c.Names
	case *schema.RenameTable:
		var out []string
		for _, pr := range c.Pairs {
			out = append(out, pr.From)
		}
		return out
	}
	if t := analyze.ChangedTable(c); t != "" {
		return []string{t}
	}
	return nil
}

// fkChecks adds the orphan count for a foreign key added to an existing
// table, before and after the deploy.
func (p *plan) fkChecks(r *replay.OpResult, a analyze.AddedFK) {
	fk := a.FK
	old := r.Before.Table(a.Table)
	label := fkText(a.Table, fk)
	for _, col := range fk.Columns {
		if old.Column(col) != nil {
			continue
		}
		if nc := tableCol(r.After, a.Table, col); nc != nil && nc.Nullable && (nc.Default == nil || nc.Default.Null) {
			p.before = append(p.before, check{comment: fmt.Sprintf("Foreign key %s: `%s.%s` is added by this change and existing rows hold NULL, which the key accepts; nothing to check.", label, a.Table, col)})
			return
		}
		p.before = append(p.before, check{comment: fmt.Sprintf("Foreign key %s: `%s.%s` is added by this change, so every existing row holds its default: make sure `%s` has a row with that key, or the ALTER fails with error 1452.", label, a.Table, col, fk.RefTable)})
		return
	}
	child := schema.QuoteIdent(a.Table)
	var notNull []string
	for _, col := range fk.Columns {
		notNull = append(notNull, "c."+schema.QuoteIdent(col)+" IS NOT NULL")
	}
	parent := r.Before.Table(fk.RefTable)
	if parent == nil || r.IsFresh(fk.RefTable) {
		// The parent is created by the change, so it is empty: every
		// non-NULL reference is an orphan.
		p.before = append(p.before, check{
			comment: fmt.Sprintf("Foreign key %s: `%s` is new and empty, so every row with a value is an orphan (error 1452); expect 0.", label, fk.RefTable),
			sql:     fmt.Sprintf("SELECT COUNT(*) AS orphans FROM %s c WHERE %s;", child, strings.Join(notNull, " AND ")),
		})
		return
	}
	var on []string
	for i, col := range fk.Columns {
		if i < len(fk.RefColumns) {
			on = append(on, "p."+schema.QuoteIdent(fk.RefColumns[i])+" = c."+schema.QuoteIdent(col))
		}
	}
	q := fmt.Sprintf("SELECT COUNT(*) AS orphans FROM %s c LEFT JOIN %s p ON %s WHERE %s AND p.%s IS NULL;",
		child, schema.QuoteIdent(fk.RefTable), strings.Join(on, " AND "), strings.Join(notNull, " AND "), schema.QuoteIdent(fk.RefColumns[0]))
	p.before = append(p.before, check{comment: fmt.Sprintf("Orphans for the new foreign key %s: the ALTER fails with error 1452 unless this is 0.", label), sql: q})
	p.after = append(p.after, check{comment: fmt.Sprintf("Orphans for %s after the deploy (0 unless rows were written with foreign_key_checks off).", label), sql: q})
}

// uniqueCheck adds the duplicate-groups query for a UNIQUE key or primary
// key added to an existing table.
func (p *plan) uniqueCheck(old *schema.Table, ix *schema.Index) {
	name := ix.Name
	if ix.Primary {
		name = "PRIMARY"
	}
	label := fmt.Sprintf("`%s` on `%s`", name, old.Name)
	if name == "" {
		label = fmt.Sprintf("on `%s`", old.Name)
	}
	var exprs, where []string
	for _, part := range ix.Parts {
		if part.Column == "" {
			p.before = append(p.before, check{comment: fmt.Sprintf("UNIQUE key %s has a functional key part (%s): check its duplicates by hand.", label, part.Expr)})
			return
		}
		col := old.Column(part.Column)
		if col == nil {
			p.before = append(p.before, check{comment: fmt.Sprintf("UNIQUE key %s: `%s.%s` is added by this change, so every existing row holds its default; more than one row means duplicates.", label, old.Name, part.Column)})
			return
		}
		e := schema.QuoteIdent(part.Column)
		if part.Length > 0 {
			e = fmt.Sprintf("LEFT(%s, %d)", e, part.Length)
		}
		exprs = append(exprs, e)
		if col.Nullable {
			// NULLs never collide in a UNIQUE index.
			where = append(where, schema.QuoteIdent(part.Column)+" IS NOT NULL")
		}
	}
	kind := "UNIQUE key"
	if ix.Primary {
		kind = "primary key"
	}
	q := fmt.Sprintf("SELECT %s, COUNT(*) AS copies FROM %s", strings.Join(exprs, ", "), schema.QuoteIdent(old.Name))
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += fmt.Sprintf(" GROUP BY %s HAVING COUNT(*) > 1 ORDER BY copies DESC LIMIT 20;", strings.Join(exprs, ", "))
	p.before = append(p.before, check{comment: fmt.Sprintf("Duplicate groups for the new %s %s: the ALTER fails with error 1062 unless this returns no rows.", kind, label), sql: q})
}

// tableCol returns a column of a table in a state, or nil.
func tableCol(s *schema.Schema, table, col string) *schema.Column {
	return s.Table(table).Column(col)
}

func fkText(table string, fk *schema.ForeignKey) string {
	name := ""
	if fk.Name != "" {
		name = "`" + fk.Name + "` "
	}
	return fmt.Sprintf("%s(%s.%s → %s.%s)", name, table, strings.Join(fk.Columns, ","), fk.RefTable, strings.Join(fk.RefColumns, ","))
}

// implicitValue is what MySQL stores in existing rows for a NOT NULL
// column added without a default.
func implicitValue(t schema.Type) string {
	switch {
	case t.IsNumeric():
		return "0"
	case t.Base == "enum":
		if len(t.Values) > 0 {
			return schema.QuoteString(t.Values[0])
		}
	case t.Base == "date":
		return "'0000-00-00'"
	case t.Base == "datetime" || t.Base == "timestamp":
		return "'0000-00-00 00:00:00'"
	case t.Base == "json":
		return "null (JSON)"
	}
	return "'' (the empty string)"
}

func touchedList(p *plan) string {
	var parts []string
	for _, t := range p.existing {
		parts = append(parts, "`"+t+"`")
	}
	for _, t := range p.created {
		parts = append(parts, "`"+t+"` (new)")
	}
	return strings.Join(parts, ", ")
}

func stillExisting(tables []string, s *schema.Schema) []string {
	var out []string
	for _, t := range tables {
		if s.Table(t) != nil {
			out = append(out, t)
		}
	}
	return out
}

// rowCounts is one query counting the rows of each table.
func rowCounts(tables []string) string {
	if len(tables) == 0 {
		return ""
	}
	sorted := append([]string(nil), tables...)
	sort.Strings(sorted)
	var lines []string
	for i, t := range sorted {
		if i == 0 {
			lines = append(lines, fmt.Sprintf("SELECT %s AS table_name, COUNT(*) AS row_count FROM %s", schema.QuoteString(t), schema.QuoteIdent(t)))
			continue
		}
		lines = append(lines, fmt.Sprintf("UNION ALL SELECT %s, COUNT(*) FROM %s", schema.QuoteString(t), schema.QuoteIdent(t)))
	}
	return strings.Join(lines, "\n") + ";"
}

// limitChecks keeps the first maxChecks checks and says how many it left out.
func limitChecks(cs []check) []check {
	if len(cs) <= maxChecks {
		return cs
	}
	out := append([]check(nil), cs[:maxChecks]...)
	return append(out, check{comment: fmt.Sprintf("… %d more check(s) left out to keep the summary short.", len(cs)-maxChecks)})
}

func writeChecks(b *strings.Builder, cs []check) {
	for _, c := range cs {
		fmt.Fprintf(b, "-- %s\n", c.comment)
		if c.sql != "" {
			b.WriteString(c.sql + "\n")
		}
	}
}

// writeRollback renders one judged migration's down.
func writeRollback(b *strings.Builder, st *replay.Step) {
	m := st.Migration
	src := m.Path
	if m.DownPath != "" {
		src = m.DownPath
	}
	if m.HasDown && src != m.Path {
		fmt.Fprintf(b, "Roll back `%s` (from `%s`):\n\n```sql\n", m.Path, src)
	} else {
		fmt.Fprintf(b, "Roll back `%s`:\n\n```sql\n", m.Path)
	}
	switch {
	case !m.HasDown:
		b.WriteString("-- This migration has no down. To undo it by hand:\n")
		created, changed := stepTables(st)
		for _, t := range created {
			fmt.Fprintf(b, "--   DROP TABLE %s;\n", schema.QuoteIdent(t))
		}
		if len(changed) > 0 {
			fmt.Fprintf(b, "--   restore %s from the backup above.\n", strings.Join(changed, ", "))
		}
	default:
		ops := make([]*ir.Op, 0, len(st.Down))
		for i := range st.Down {
			ops = append(ops, st.Down[i].Op)
		}
		if len(st.Down) == 0 {
			for i := range m.Ops(ir.Down) {
				ops = append(ops, &m.Ops(ir.Down)[i])
			}
		}
		if len(ops) == 0 {
			b.WriteString("-- The down is empty: it changes nothing. Restore from the backup above.\n")
		}
		for i, op := range ops {
			if i == maxDownOps {
				fmt.Fprintf(b, "-- … %d more statement(s) in %s\n", len(ops)-i, src)
				break
			}
			b.WriteString(renderOp(op) + "\n")
		}
	}
	b.WriteString("```\n\n")
	if len(st.Leftover) > 0 {
		fmt.Fprintf(b, "⚠️ Replaying this down does not restore the schema from before the migration (%d difference(s); see the rollback findings, RB102-RB105).\n\n", len(st.Leftover))
	}
}

// stepTables lists the tables a migration creates and the existing tables
// it changes.
func stepTables(st *replay.Step) (created, changed []string) {
	seen := map[string]bool{}
	for i := range st.Up {
		r := &st.Up[i]
		if r.Op.Change == nil || r.Err != nil {
			continue
		}
		for _, t := range touchedTables(r.Op.Change) {
			if seen[t] {
				continue
			}
			seen[t] = true
			switch {
			case st.Before.Table(t) == nil && st.After.Table(t) != nil:
				created = append(created, t)
			case st.Before.Table(t) != nil:
				changed = append(changed, "`"+t+"`")
			}
		}
	}
	return created, changed
}

// renderOp renders one down operation as a statement, or a comment for
// what the guardian could not interpret.
func renderOp(op *ir.Op) string {
	if op.Change == nil {
		text := strings.Join(strings.Fields(op.Text), " ")
		if len(text) > 120 {
			text = text[:120] + "…"
		}
		reason := op.NotAnalyzed
		if reason == "" {
			reason = "not interpreted"
		}
		return fmt.Sprintf("-- not analyzed (%s): %s", strings.Join(strings.Fields(reason), " "), text)
	}
	s := schema.RenderChange(op.Change)
	if strings.HasPrefix(s, "--") || strings.HasSuffix(s, ";") {
		return s
	}
	return s + ";"
}
