package analyze

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/onlineddl"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

// defaultLargeTableThreshold applies when the configuration sets none.
const defaultLargeTableThreshold = 1_000_000

// onlineVersion is the configured MySQL version for the online DDL
// classifier.
func (p *Pass) onlineVersion() onlineddl.Version {
	return onlineddl.ParseVersion(p.Settings.MySQLVersion)
}

var fkChecksRE = regexp.MustCompile(`(?i)foreign_key_checks\s*(?::?=)\s*'?(0|1|off|on|false|true)'?`)

// fkChecksOffAt reports whether the session has foreign_key_checks off when
// r runs: a SET earlier in the same migration turned it off and none turned
// it back on.
func fkChecksOffAt(st *replay.Step, r *replay.OpResult) bool {
	off := false
	for i := range st.Up {
		if &st.Up[i] == r {
			break
		}
		op := st.Up[i].Op
		if _, ok := op.Change.(*schema.Other); !ok {
			continue
		}
		for _, m := range fkChecksRE.FindAllStringSubmatch(op.Text, -1) {
			switch strings.ToLower(m[1]) {
			case "0", "off", "false":
				off = true
			default:
				off = false
			}
		}
	}
	return off
}

// predictAlter classifies an ALTER TABLE op on its table as it was before.
func (p *Pass) predictAlter(st *replay.Step, r *replay.OpResult, at *schema.AlterTable) onlineddl.Prediction {
	name := at.Table
	for _, s := range at.Specs {
		if rt, ok := s.(*schema.RenameTo); ok {
			name = rt.Name
		}
	}
	o := onlineddl.Options{Version: p.onlineVersion(), ForeignKeyChecksOff: fkChecksOffAt(st, r)}
	return onlineddl.Predict(r.Before.Table(at.Table), r.After.Table(name), at, o)
}

// alterLabel names a statement for messages: "ALTER TABLE `orders`" or
// "CREATE INDEX on `orders`" or "queryInterface.addColumn on `orders`".
func alterLabel(op *ir.Op, at *schema.AlterTable) string {
	switch {
	case strings.HasPrefix(op.Origin, "sequelize.") && op.Origin != "sequelize.query":
		return "`queryInterface." + strings.TrimPrefix(op.Origin, "sequelize.") + "` on `" + at.Table + "`"
	case at.Via != "":
		return at.Via + " on `" + at.Table + "`"
	}
	return "ALTER TABLE `" + at.Table + "`"
}

var ruleLK101 = &Rule{
	Code:     "LK101",
	Name:     "blocking-alter",
	Severity: High,
	Title:    "ALTER copies the table or blocks writes",
	Run:      runLK101,
}

func runLK101(p *Pass) error {
	v := p.onlineVersion()
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		at, ok := r.Op.Change.(*schema.AlterTable)
		if !ok || r.Err != nil || !Existing(r, at.Table) {
			return
		}
		pred := p.predictAlter(st, r, at)
		if !pred.Blocking() || len(pred.Limiting) == 0 {
			return
		}
		lim := pred.Limiting[0]
		var why []string
		for _, c := range pred.Limiting {
			w := c.Describe()
			if c.Note != "" {
				w += ": " + c.Note
			}
			why = append(why, w+" ("+c.Doc+")")
		}
		effect := fmt.Sprintf("the table is copied row by row and every write to `%s` waits until the copy finishes", at.Table)
		if pred.Algorithm != onlineddl.Copy {
			effect = fmt.Sprintf("reads continue, but every write to `%s` waits until it finishes", at.Table)
			if pred.Rebuild {
				effect += ", and the table is rebuilt"
			}
		}
		msg := fmt.Sprintf("%s runs as %s on %s: %s. Cause: %s.", alterLabel(r.Op, at), pred.Clause(), v.Describe(), effect, strings.Join(why, "; "))
		if refused := refusedAssertion(at, pred); refused != "" {
			msg = fmt.Sprintf("%s needs %s on %s, so MySQL refuses it as written (it asserts %s). Cause: %s.", alterLabel(r.Op, at), pred.Clause(), v.Describe(), refused, strings.Join(why, "; "))
		}
		p.ReportAt(r.Op.AttrSpan(lim.Key), "lk101 "+r.Op.Text, msg, lk101Advice(at.Table, pred))
	})
	return nil
}

// refusedAssertion returns the ALGORITHM/LOCK the statement asserts when
// the prediction cannot honour it, or "".
func refusedAssertion(at *schema.AlterTable, pred onlineddl.Prediction) string {
	var parts []string
	switch at.Algorithm {
	case "INSTANT":
		if pred.Algorithm != onlineddl.Instant {
			parts = append(parts, "ALGORITHM=INSTANT")
		}
	case "INPLACE":
		if pred.Algorithm == onlineddl.Copy {
			parts = append(parts, "ALGORITHM=INPLACE")
		}
	}
	if at.Lock == "NONE" && !pred.ConcurrentDML {
		parts = append(parts, "LOCK=NONE")
	}
	return strings.Join(parts, ", ")
}

func lk101Advice(table string, pred onlineddl.Prediction) string {
	tools := fmt.Sprintf("For a large `%s`, run the change with gh-ost or pt-online-schema-change, which build a shadow copy in the background and swap it in with a brief lock.", table)
	for _, c := range pred.Limiting {
		switch c.Kind {
		case onlineddl.AddForeignKey:
			return "Count orphan rows first; then run `SET foreign_key_checks = 0` in the same session before the ALTER: MySQL adds the key INPLACE without copying the table (and without checking existing rows, so the orphan count is your check). For a large table, pt-online-schema-change handles foreign keys; gh-ost does not support them."
		case onlineddl.ChangeColumnType, onlineddl.AddStoredColumn:
			return "Expand and contract instead: add a new column with the new definition (instant), backfill it in batches, switch the code to it, then drop the old column in a later release. " + tools
		case onlineddl.AddFulltextIndex, onlineddl.AddSpatialIndex:
			return "Schedule it for a quiet window, or build the index on a copy with gh-ost or pt-online-schema-change, which keep the table writable."
		}
	}
	return "Split the blocking clause from the rest, and use expand/contract where a new column or table can take its place. " + tools
}

var ruleLK102 = &Rule{
	Code:     "LK102",
	Name:     "explicit-algorithm",
	Severity: Optimization,
	Title:    "ALTER on an existing table does not assert ALGORITHM and LOCK",
	Run:      runLK102,
}

func runLK102(p *Pass) error {
	v := p.onlineVersion()
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		at, ok := r.Op.Change.(*schema.AlterTable)
		if !ok || r.Err != nil || !Existing(r, at.Table) || (r.Op.Origin != "sql" && r.Op.Origin != "sequelize.query") {
			return
		}
		pred := p.predictAlter(st, r, at)
		if len(pred.Ops) == 0 || at.Algorithm == "COPY" {
			return
		}
		label := alterLabel(r.Op, at)
		lock := at.Lock
		if lock == "DEFAULT" {
			lock = ""
		}
		switch {
		case at.Algorithm == "INSTANT" && lock != "":
			p.ReportAt(r.Op.Span, "lk102 "+r.Op.Text,
				fmt.Sprintf("%s asserts ALGORITHM=INSTANT together with LOCK=%s: MySQL refuses ALGORITHM=INSTANT with any LOCK clause other than DEFAULT, so this statement fails.", label, lock),
				"Drop the LOCK clause: an instant change takes only a brief metadata lock.")
			return
		case at.Algorithm == "INSTANT":
			if pred.Algorithm != onlineddl.Instant && !pred.Blocking() {
				p.ReportAt(r.Op.Span, "lk102 "+r.Op.Text,
					fmt.Sprintf("%s asserts ALGORITHM=INSTANT, but on %s it can only run as %s (%s), so MySQL refuses it (error 1845).", label, v.Describe(), pred.Clause(), notInstant(pred)),
					fmt.Sprintf("Assert `%s` instead, or split the instant clauses into their own statement.", pred.Clause()))
			}
			return
		case at.Algorithm == "INPLACE" && lock == "NONE":
			return
		case pred.Blocking():
			return // LK101 reports it.
		}
		want := pred.Clause()
		msg := fmt.Sprintf("%s does not assert how it must run: on %s it should run as %s, but nothing stops MySQL from silently falling back to a slower algorithm or a locking table copy of `%s`, which already holds data (an older server, a table that is not what the migration expects). Asserting `%s` makes MySQL refuse instead.", label, v.Describe(), want, at.Table, want)
		if pred.Algorithm == onlineddl.Instant {
			msg += " Do not add a LOCK clause to ALGORITHM=INSTANT: MySQL refuses any LOCK other than DEFAULT with it."
		}
		advice := fmt.Sprintf("End the statement with `%s`.", strings.TrimSpace(assertionText(at, pred)))
		if at.Algorithm != "" || lock != "" {
			advice = fmt.Sprintf("Replace its ALGORITHM and LOCK clauses with `%s`.", want)
		}
		f := Finding{Path: r.Op.Span.Path, Line: r.Op.Span.Line, EndLine: r.Op.Span.EndLine, Subject: "lk102 " + r.Op.Text, Message: msg, Advice: advice}
		if at.Algorithm == "" && lock == "" && r.Op.Origin == "sql" {
			f.Suggestion = p.appendClause(r.Op, assertionText(at, pred))
		}
		p.Report(f)
	})
	return nil
}

// notInstant names the operations that keep the statement from running
// instantly.
func notInstant(pred onlineddl.Prediction) string {
	var out []string
	for _, c := range pred.Ops {
		if !c.Instant {
			out = append(out, c.Describe()+" ("+c.Doc+")")
		}
	}
	return strings.Join(out, "; ")
}

// assertionText is the clause to append: ", ALGORITHM=INSTANT" for ALTER
// TABLE, " ALGORITHM=INPLACE LOCK=NONE" for CREATE/DROP INDEX, whose
// options take no commas.
func assertionText(at *schema.AlterTable, pred onlineddl.Prediction) string {
	if at.Via != "" {
		return " " + strings.ReplaceAll(pred.Clause(), ", ", " ")
	}
	return ", " + pred.Clause()
}

// appendClause returns the lines of op with clause inserted right after the
// statement text (before its delimiter), or "" when the text cannot be
// found in the file.
func (p *Pass) appendClause(op *ir.Op, clause string) string {
	if p.Files == nil || !op.Span.Valid() {
		return ""
	}
	data, err := p.Files(op.Span.Path)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if op.Span.EndLine > len(lines) || op.Span.Line > op.Span.EndLine {
		return ""
	}
	block := strings.Join(lines[op.Span.Line-1:op.Span.EndLine], "\n")
	text := strings.TrimRight(op.Text, " \t\r\n;")
	i := strings.LastIndex(block, text)
	if i < 0 || text == "" {
		return ""
	}
	end := i + len(text)
	return block[:end] + clause + block[end:]
}

var ruleLK103 = &Rule{
	Code:     "LK103",
	Name:     "unbatched-backfill",
	Severity: High,
	Title:    "Backfill over an existing table in one statement",
	Run:      runLK103,
}

func runLK103(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err != nil {
			return
		}
		advice := "Backfill in batches by primary key (`WHERE id > ? ORDER BY id LIMIT 1000`, repeated until no row changes), outside the migration or in a loop that commits each batch, so that each transaction stays short."
		switch c := r.Op.Change.(type) {
		case *schema.Update:
			if c.HasWhere || c.HasLimit || !Existing(r, c.Table) {
				return
			}
			what := "An UPDATE without WHERE or LIMIT"
			if strings.HasPrefix(r.Op.Origin, "sequelize.") && r.Op.Origin != "sequelize.query" {
				what = "A `queryInterface." + strings.TrimPrefix(r.Op.Origin, "sequelize.") + "` with an empty where"
			}
			cols := ""
			if len(c.Columns) > 0 {
				cols = " (setting `" + strings.Join(c.Columns, "`, `") + "`)"
			}
			p.ReportAt(r.Op.Span, "lk103 "+r.Op.Text,
				fmt.Sprintf("%s rewrites every row of existing table `%s`%s in one transaction: it holds row locks on the whole table until it commits, grows the undo log, and replicas apply it as one long event (replica lag).", what, c.Table, cols),
				advice)
		case *schema.Insert:
			if !c.FromSelect || !Existing(r, c.Table) {
				return
			}
			p.ReportAt(r.Op.Span, "lk103 "+r.Op.Text,
				fmt.Sprintf("INSERT … SELECT into existing table `%s` copies every selected row in one transaction: it locks the rows it reads and writes until it commits, and replicas apply it as one long event (replica lag).", c.Table),
				advice)
		}
	})
	return nil
}

var ruleLK104 = &Rule{
	Code:     "LK104",
	Name:     "ddl-in-transaction",
	Severity: Medium,
	Title:    "DDL inside a transaction or mixed with data changes",
	Run:      runLK104,
}

func isDDL(c schema.Change) bool {
	switch c.(type) {
	case *schema.CreateTable, *schema.DropTable, *schema.RenameTable, *schema.AlterTable:
		return true
	}
	return false
}

func isDML(c schema.Change) bool {
	switch c.(type) {
	case *schema.Insert, *schema.Update, *schema.Delete:
		return true
	}
	return false
}

func runLK104(p *Pass) error {
	for _, st := range p.Judged() {
		var ddl, dml, inTx []*replay.OpResult
		sqlTx := false
		for i := range st.Up {
			r := &st.Up[i]
			if o, ok := r.Op.Change.(*schema.Other); ok {
				switch strings.ToUpper(o.Kind) {
				case "START TRANSACTION", "BEGIN":
					sqlTx = true
				case "COMMIT", "ROLLBACK":
					sqlTx = false
				}
				continue
			}
			switch {
			case isDDL(r.Op.Change):
				ddl = append(ddl, r)
				if r.Op.InTransaction || sqlTx {
					inTx = append(inTx, r)
				}
			case isDML(r.Op.Change):
				dml = append(dml, r)
			}
		}
		if len(ddl) == 0 || len(ddl)+len(dml) < 2 {
			continue
		}
		switch {
		case len(inTx) > 0:
			r := inTx[0]
			p.ReportAt(r.Op.Span, "lk104 tx "+r.Op.Text,
				fmt.Sprintf("This DDL runs inside a transaction with %s, but MySQL commits implicitly before and after every DDL statement: the transaction does not make the migration atomic, and a failure part-way leaves the schema half-migrated with no record that the migration ran.", countOthers(len(ddl)+len(dml)-1)),
				"Drop the transaction around DDL; put one DDL statement per migration, or make each step safe to re-run (check the schema before each change).")
		case len(dml) > 0:
			r := ddl[0]
			p.ReportAt(r.Op.Span, "lk104 mixed "+r.Op.Text,
				fmt.Sprintf("This migration mixes %d DDL statement(s) with %d data change(s); MySQL commits implicitly at each DDL, so if a later statement fails the earlier ones stay applied and the migration cannot simply be re-run.", len(ddl), len(dml)),
				"Move the data changes into their own migration (or a batched job), so that each migration either applies fully or can be re-run.")
		}
	}
	return nil
}

func countOthers(n int) string {
	if n == 1 {
		return "1 other statement"
	}
	return fmt.Sprintf("%d other statements", n)
}

var ruleLK105 = &Rule{
	Code:     "LK105",
	Name:     "enum-reorder",
	Severity: High,
	Title:    "ENUM/SET members removed, reordered or inserted mid-list",
	Run:      runLK105,
}

func runLK105(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		table, specs := Specs(r.Op.Change)
		if table == "" || r.Err != nil || !Existing(r, table) {
			return
		}
		for _, s := range specs {
			mc, ok := s.(*schema.ModifyColumn)
			if !ok || mc.Column == nil {
				continue
			}
			old := r.Before.Table(table).Column(mc.Name)
			if old == nil || (old.Type.Base != "enum" && old.Type.Base != "set") || mc.Column.Type.Base != old.Type.Base {
				continue
			}
			ov, nv := old.Type.Values, mc.Column.Type.Values
			if len(nv) >= len(ov) && equalStrings(nv[:len(ov)], ov) {
				continue // unchanged or appended
			}
			kind := strings.ToUpper(old.Type.Base)
			var what []string
			if gone := missingValues(ov, nv); len(gone) > 0 {
				what = append(what, "removes "+quoteValues(gone))
			}
			if added := missingValues(nv, ov); len(added) > 0 {
				what = append(what, "adds "+quoteValues(added)+" before the end of the list")
			}
			if len(what) == 0 {
				what = append(what, "reorders the members")
			}
			p.ReportAt(ColumnSpan(r.Op, mc.Column.Name), "lk105 "+mc.Name+" "+r.Op.Text,
				fmt.Sprintf("The new definition of `%s.%s` %s: InnoDB stores %s values by their position in the list, so the change needs a full table copy (ALGORITHM=COPY, writes blocked), and rows holding a value whose position or existence changes are rewritten or become invalid.", table, mc.Column.Name, strings.Join(what, " and "), kind),
				"Only append new members at the end of the list (an instant change); to retire a member, first migrate the rows that use it, then remove it in a later release.")
		}
	})
	return nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// missingValues lists the members of a that b lacks.
func missingValues(a, b []string) []string {
	in := map[string]bool{}
	for _, v := range b {
		in[v] = true
	}
	var out []string
	for _, v := range a {
		if !in[v] {
			out = append(out, v)
		}
	}
	return out
}

func quoteValues(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = schema.QuoteString(v)
	}
	return strings.Join(q, ", ")
}

var ruleLK106 = &Rule{
	Code:     "LK106",
	Name:     "multiple-alters",
	Severity: Optimization,
	Title:    "Several separate ALTERs on the same existing table",
	Run:      runLK106,
}

func runLK106(p *Pass) error {
	for _, st := range p.Judged() {
		type group struct {
			ops        []*replay.OpResult
			notInstant bool
		}
		groups := map[string]*group{}
		var order []string
		for i := range st.Up {
			r := &st.Up[i]
			at, ok := r.Op.Change.(*schema.AlterTable)
			if !ok || r.Err != nil || !Existing(r, at.Table) {
				continue
			}
			g := groups[at.Table]
			if g == nil {
				g = &group{}
				groups[at.Table] = g
				order = append(order, at.Table)
			}
			g.ops = append(g.ops, r)
			if pred := p.predictAlter(st, r, at); len(pred.Ops) > 0 && pred.Algorithm != onlineddl.Instant {
				g.notInstant = true
			}
		}
		for _, table := range order {
			g := groups[table]
			if len(g.ops) < 2 {
				continue
			}
			var lines []string
			for _, r := range g.ops {
				lines = append(lines, fmt.Sprint(r.Op.Span.Line))
			}
			r := g.ops[1]
			cost := "each one waits for the table's metadata lock (queuing every query behind it while a long transaction runs), and each one that is not instant scans or rebuilds the whole table again."
			if !g.notInstant {
				cost = "even though each is instant, each one waits for the table's metadata lock (queuing every query behind it while a long transaction runs) and each instant ADD or DROP COLUMN uses up one of the 64 row versions a table may have (MySQL 8.0.29+) before further column changes need a rebuild."
			}
			advice := "Combine the clauses into one `ALTER TABLE` statement, separated by commas."
			if strings.HasPrefix(r.Op.Origin, "sequelize.") {
				advice += " Sequelize runs one ALTER per queryInterface call; use `queryInterface.sequelize.query('ALTER TABLE … ADD …, ADD …')` to send them as one."
			}
			p.ReportAt(r.Op.Span, "lk106 "+table+" "+st.Migration.Path,
				fmt.Sprintf("This migration alters existing table `%s` in %d separate statements (lines %s): %s", table, len(g.ops), strings.Join(lines, ", "), cost),
				advice)
		}
	}
	return nil
}

var ruleLK107 = &Rule{
	Code:     "LK107",
	Name:     "large-table-escalation",
	Severity: High,
	Title:    "Change needs DBA review: large table, primary key, rename, engine or collation",
	Run:      runLK107,
}

// largeTable returns the configured row count of table when it is over the
// threshold.
func (p *Pass) largeTable(table string) (int64, bool) {
	n, ok := p.Settings.LargeTables[table]
	limit := p.Settings.LargeTableThreshold
	if limit <= 0 {
		limit = defaultLargeTableThreshold
	}
	return n, ok && n >= limit
}

func runLK107(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err != nil {
			return
		}
		var tables []string
		var reasons []string
		switch c := r.Op.Change.(type) {
		case *schema.AlterTable:
			tables = []string{c.Table}
			if Existing(r, c.Table) {
				reasons = sensitiveAlter(r.Before.Table(c.Table), c)
			}
		case *schema.RenameTable:
			for _, pr := range c.Pairs {
				tables = append(tables, pr.From)
				if Existing(r, pr.From) {
					reasons = append(reasons, "renames `"+pr.From+"` to `"+pr.To+"`")
				}
			}
		case *schema.DropTable:
			tables = c.Names
		default:
			return
		}
		var large []string
		for _, t := range tables {
			if n, ok := p.largeTable(t); ok && Existing(r, t) {
				large = append(large, fmt.Sprintf("`%s` (about %s rows)", t, groupDigits(n)))
			}
		}
		if len(large) == 0 && len(reasons) == 0 {
			return
		}
		var parts []string
		if len(large) > 0 {
			parts = append(parts, "it changes the schema of large table "+strings.Join(large, ", "))
		}
		if len(reasons) > 0 {
			parts = append(parts, "it "+strings.Join(reasons, ", "))
		}
		p.ReportAt(r.Op.Span, "lk107 "+r.Op.Text,
			fmt.Sprintf("This change needs a DBA review before deploy: %s. Such changes can run for hours, lock or copy the table, fill the disk, lag replicas, or break replication tooling and the deployed code.", strings.Join(parts, "; ")),
			"Have a DBA review it with the table's real size and traffic: plan the window, the tool (gh-ost or pt-online-schema-change for large tables), the backup and the way back.")
	})
	return nil
}

// sensitiveAlter lists what an ALTER on an existing table does that always
// needs review: primary key changes, renames, engine and collation changes.
func sensitiveAlter(t *schema.Table, at *schema.AlterTable) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	var walk func([]schema.AlterSpec)
	walk = func(specs []schema.AlterSpec) {
		for _, s := range specs {
			switch s := s.(type) {
			case *schema.AddIndex:
				if s.Index != nil && s.Index.Primary {
					add("changes the primary key of `" + at.Table + "`")
				}
			case *schema.DropPrimaryKey:
				add("changes the primary key of `" + at.Table + "`")
			case *schema.AddColumn:
				walk(s.Inline)
			case *schema.ModifyColumn:
				walk(s.Inline)
			case *schema.RenameTo:
				add("renames `" + at.Table + "` to `" + s.Name + "`")
			case *schema.SetTableOptions:
				if s.SetEngine && t != nil && !strings.EqualFold(s.Options.Engine, t.Options.Engine) {
					add("changes the storage engine of `" + at.Table + "` to " + s.Options.Engine)
				}
				if (s.SetCharset && t != nil && !strings.EqualFold(schema.CanonicalCharset(s.Options.Charset), t.Options.Charset)) ||
					(s.SetCollation && t != nil && !strings.EqualFold(schema.CanonicalCollation(s.Options.Collation), t.Options.Collation)) {
					add("changes the default character set or collation of `" + at.Table + "`")
				}
			case *schema.ConvertCharset:
				if convertChanges(t, s) {
					add("converts every text column of `" + at.Table + "` to " + s.Charset)
				}
			}
		}
	}
	walk(at.Specs)
	return out
}

// groupDigits writes n with thousands separators.
func groupDigits(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// convertChanges reports whether CONVERT TO CHARACTER SET changes the table
// default or any character column of t.
func convertChanges(t *schema.Table, c *schema.ConvertCharset) bool {
	if t == nil {
		return true
	}
	cs := schema.CanonicalCharset(c.Charset)
	co := schema.CanonicalCollation(c.Collation)
	if co == "" {
		co = schema.DefaultCollationOf(cs)
	}
	if t.Options.Charset != cs || (co != "" && t.Options.Collation != co) {
		return true
	}
	for _, col := range t.Columns {
		if col.Type.IsCharacter() && (col.Type.Charset != cs || (co != "" && col.Type.Collation != co)) {
			return true
		}
	}
	return false
}
