package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleIX101 = &Rule{
	Code:     "IX101",
	Name:     "index-redundant",
	Severity: Medium,
	Title:    "Index duplicates or is a left prefix of another index",
	Run:      runIX101,
}

// runIX101 judges the indexes each judged migration adds against the
// state after the whole migration: an index is redundant when another
// index of the table starts with the same key parts (a duplicate counts
// once: the later one is redundant). A UNIQUE index is redundant only next
// to an identical unique key, since it enforces a constraint a longer
// index does not. An index a foreign key needs is never redundant: the
// longer index serves the key too, and MySQL switches to it by itself.
func runIX101(p *Pass) error {
	for _, st := range p.Judged() {
		reported := map[string]bool{}
		for i := range st.Up {
			r := &st.Up[i]
			table, added := newIndexes(r)
			final := st.After.Table(table)
			if final == nil {
				continue
			}
			opTable := r.After.Table(table)
			for _, a := range added {
				fa := final.Index(a.Name)
				if fa == nil || !sameIndex(fa, a) {
					continue // changed again later in the migration
				}
				key := table + "." + strings.ToLower(fa.Name)
				if reported[key] {
					continue
				}
				if b := coveringTwin(final, opTable, fa); b != nil {
					reported[key] = true
					span, skey := indexSpan(r.Op, fa)
					msg := fmt.Sprintf("The new %s is redundant: %s starts with the same columns", indexLabel(table, fa), indexLabel(table, b))
					if len(b.Parts) == len(fa.Parts) {
						msg = fmt.Sprintf("The new %s duplicates %s", indexLabel(table, fa), indexLabel(table, b))
					}
					msg += ", which serves every lookup the new one could; the new index only adds disk and buffer pool use and work on every write."
					p.ReportAt(span, skey+" "+r.Op.Text, msg,
						fmt.Sprintf("Drop the new index `%s` from this migration; `%s` already does its work.", fa.Name, b.Name))
					continue
				}
				// The new index may make an older one redundant.
				for _, old := range shadowed(st.Before.Table(ChangedTable(r.Op.Change)), final, fa) {
					k := table + "." + strings.ToLower(old.Name)
					if reported[k] {
						continue
					}
					reported[k] = true
					span, skey := indexSpan(r.Op, fa)
					p.ReportAt(span, "shadows "+old.Name+" "+skey+" "+r.Op.Text,
						fmt.Sprintf("The new %s makes the existing %s redundant: the new index starts with the same columns and serves every lookup the old one did, while both cost time on every write.", indexLabel(table, fa), indexLabel(table, old)),
						fmt.Sprintf("Drop `%s` in a later migration, after checking that no query names it (USE INDEX / FORCE INDEX).", old.Name))
				}
			}
		}
	}
	return nil
}

// coveringTwin returns an index of t (the state after the migration) that
// makes ix redundant, or nil. at is the table right after the op that added
// ix: between exact duplicates, the one that was there first stays.
func coveringTwin(t, at *schema.Table, ix *schema.Index) *schema.Index {
	if ix.Primary || !plainBTree(ix) {
		return nil
	}
	for _, b := range t.Indexes {
		if b == ix || !plainBTree(b) || !partsPrefix(ix.Parts, b.Parts) {
			continue
		}
		exact := len(b.Parts) == len(ix.Parts)
		switch {
		case ix.Unique && !(exact && b.Unique):
			// A unique key is not redundant next to a longer index or a
			// non-unique twin: it enforces something.
		case exact && b.Unique == ix.Unique && !b.Primary && !indexPrecedes(at, b, ix):
			// The later of two equal indexes is the redundant one.
		default:
			return b
		}
	}
	return nil
}

// indexPrecedes reports whether index b was in table t ahead of ix (t is the
// table right after ix was added; indexes added later are absent).
func indexPrecedes(t *schema.Table, b, ix *schema.Index) bool {
	if t == nil {
		return false
	}
	ib, ii := -1, -1
	for i, x := range t.Indexes {
		if strings.EqualFold(x.Name, b.Name) {
			ib = i
		}
		if strings.EqualFold(x.Name, ix.Name) {
			ii = i
		}
	}
	return ib >= 0 && ii >= 0 && ib < ii
}

// shadowed lists the non-unique indexes that existed before the migration
// (in old), still exist after it (in final), and are a strict left prefix
// of ix, or have its key parts when ix is unique.
func shadowed(old, final *schema.Table, ix *schema.Index) []*schema.Index {
	if old == nil || !plainBTree(ix) {
		return nil
	}
	var out []*schema.Index
	for _, o := range old.Indexes {
		f := final.Index(o.Name)
		if o.Implicit || o.Unique || o.Primary || f == nil || !sameIndex(f, o) || !plainBTree(f) {
			continue
		}
		// A strict prefix, or the same key now enforced as unique.
		if partsPrefix(f.Parts, ix.Parts) && (len(f.Parts) < len(ix.Parts) || ix.Unique) {
			out = append(out, f)
		}
	}
	return out
}

var ruleIX102 = &Rule{
	Code:     "IX102",
	Name:     "index-duplicate-name",
	Severity: Critical,
	Title:    "Index or constraint name already in use",
	Run:      runIX102,
}

// runIX102 explains errors 1061 (duplicate key name in a table) and 1826
// (duplicate foreign key name in the database) raised by the simulator,
// which already accepts names freed by an earlier drop.
func runIX102(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err == nil || (r.Err.Code != schema.ErDupKeyName && r.Err.Code != schema.ErFKDupName) {
			return
		}
		name := errQuoted(r.Err.Message, 0)
		table := ChangedTable(r.Op.Change)
		span := r.Op.Span
		var msg, advice string
		if r.Err.Code == schema.ErDupKeyName {
			if ix := addedIndexNamed(r.Op.Change, name); ix != nil {
				span, _ = indexSpan(r.Op, ix)
			}
			if old := r.Before.Table(table).Index(name); old != nil {
				msg = fmt.Sprintf("`%s` already has an index named `%s` (%s): MySQL refuses a second one with error 1061 (ER_DUP_KEYNAME).", table, name, indexColumns(old))
			} else {
				msg = fmt.Sprintf("This statement declares two indexes named `%s` on `%s`: MySQL refuses it with error 1061 (ER_DUP_KEYNAME).", name, table)
			}
			advice = fmt.Sprintf("Give the new index a name of its own, or drop `%s` first if it is meant to be replaced.", name)
		} else {
			var fk *schema.ForeignKey
			for _, a := range AddedFKs(r.Op.Change) {
				if strings.EqualFold(a.FK.Name, name) {
					fk = a.FK
				}
			}
			if fk != nil {
				span, _ = FKSpan(r.Op, fk)
			}
			owner := ""
			for _, t := range r.Before.Tables {
				if t.ForeignKey(name) != nil {
					owner = t.Name
				}
			}
			if owner != "" {
				msg = fmt.Sprintf("A foreign key named `%s` already exists (on `%s`): foreign key names are unique in the whole database, not per table, so MySQL refuses this one with error 1826 (ER_FK_DUP_NAME).", name, owner)
			} else {
				msg = fmt.Sprintf("This statement declares two foreign keys named `%s`: MySQL refuses it with error 1826 (ER_FK_DUP_NAME).", name)
			}
			advice = fmt.Sprintf("Name the constraint after its own table and column, e.g. `fk_%s_<column>`, or drop `%s` first if it is meant to be replaced.", table, name)
		}
		if p.generatedName(r.Op, name) && strings.HasPrefix(r.Op.Origin, "sequelize.") {
			msg += fmt.Sprintf(" Sequelize generated the name `%s` from the table and field names, so the same call twice collides.", name)
			advice += " Pass an explicit `name` option."
		}
		p.ReportAt(span, "dup-name "+name+" "+r.Op.Text, msg, advice)
	})
	return nil
}

// addedIndexNamed finds the index named name that a change adds.
func addedIndexNamed(c schema.Change, name string) *schema.Index {
	for _, ix := range changeIndexes(c) {
		if strings.EqualFold(ix.Name, name) {
			return ix
		}
	}
	return nil
}

// changeIndexes lists the indexes a change declares: those of CREATE
// TABLE, ADD INDEX and keys inside column definitions.
func changeIndexes(c schema.Change) []*schema.Index {
	var out []*schema.Index
	switch c := c.(type) {
	case *schema.CreateTable:
		if c.Table != nil {
			out = append(out, c.Table.Indexes...)
		}
	case *schema.AlterTable:
		var walk func([]schema.AlterSpec)
		walk = func(specs []schema.AlterSpec) {
			for _, s := range specs {
				switch s := s.(type) {
				case *schema.AddIndex:
					if s.Index != nil {
						out = append(out, s.Index)
					}
				case *schema.AddColumn:
					walk(s.Inline)
				case *schema.ModifyColumn:
					walk(s.Inline)
				}
			}
		}
		walk(c.Specs)
	}
	return out
}

var ruleIX103 = &Rule{
	Code:     "IX103",
	Name:     "identifier-too-long",
	Severity: Critical,
	Title:    "Identifier longer than 64 characters",
	Run:      runIX103,
}

// nameUse is a name a change introduces, with what it names.
type nameUse struct {
	kind, name, key string // key locates it in Op.Attrs
}

// changeIdents lists the names a change introduces: tables, columns,
// indexes, foreign keys and checks.
func changeIdents(c schema.Change) []nameUse {
	var out []nameUse
	col := func(name string) { out = append(out, nameUse{"column", name, "column:" + name}) }
	index := func(ix *schema.Index) {
		if ix != nil && !ix.Primary && ix.Name != "" {
			out = append(out, nameUse{"index", ix.Name, "index:" + strings.Join(ix.Columns(), ",")})
		}
	}
	fk := func(fk *schema.ForeignKey) {
		if fk != nil && fk.Name != "" {
			out = append(out, nameUse{"foreign key", fk.Name, "fk:" + strings.Join(fk.Columns, ",")})
		}
	}
	check := func(ck *schema.Check) {
		if ck != nil && ck.Name != "" {
			out = append(out, nameUse{"check constraint", ck.Name, "check:" + ck.Name})
		}
	}
	switch c := c.(type) {
	case *schema.CreateTable:
		if c.Table == nil {
			break
		}
		out = append(out, nameUse{"table", c.Table.Name, ""})
		for _, x := range c.Table.Columns {
			col(x.Name)
		}
		for _, x := range c.Table.Indexes {
			index(x)
		}
		for _, x := range c.Table.ForeignKeys {
			fk(x)
		}
		for _, x := range c.Table.Checks {
			check(x)
		}
	case *schema.RenameTable:
		for _, pr := range c.Pairs {
			out = append(out, nameUse{"table", pr.To, ""})
		}
	case *schema.AlterTable:
		var walk func([]schema.AlterSpec)
		walk = func(specs []schema.AlterSpec) {
			for _, s := range specs {
				switch s := s.(type) {
				case *schema.AddColumn:
					if s.Column != nil {
						col(s.Column.Name)
					}
					walk(s.Inline)
				case *schema.ModifyColumn:
					if s.Column != nil && !strings.EqualFold(s.Name, s.Column.Name) {
						col(s.Column.Name)
					}
					walk(s.Inline)
				case *schema.RenameColumn:
					col(s.To)
				case *schema.AddIndex:
					index(s.Index)
				case *schema.RenameIndex:
					out = append(out, nameUse{"index", s.To, ""})
				case *schema.AddForeignKey:
					fk(s.ForeignKey)
					if s.IndexName != "" {
						out = append(out, nameUse{"index", s.IndexName, "fk:" + strings.Join(s.ForeignKey.Columns, ",")})
					}
				case *schema.AddCheck:
					check(s.Check)
				case *schema.RenameTo:
					out = append(out, nameUse{"table", s.Name, ""})
				}
			}
		}
		walk(c.Specs)
	}
	return out
}

// runIX103 reports names over 64 characters. It reads the names from the
// statement, so every too-long name is reported, not only the first one
// MySQL stops at; names MySQL or Sequelize generate (t_ibfk_1, the names
// of unnamed Sequelize indexes and constraints) come from the simulator's
// error 1059 when the statement does not hold them.
func runIX103(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Op.Change == nil {
			return
		}
		done := map[string]bool{}
		for _, id := range changeIdents(r.Op.Change) {
			n := len([]rune(id.name))
			if n <= schema.MaxIdentifierLength || done[id.name] {
				continue
			}
			done[id.name] = true
			span := r.Op.Span
			if id.key != "" {
				span = r.Op.AttrSpan(id.key)
			}
			p.ReportAt(span, "long "+id.name+" "+r.Op.Text, ix103Message(p, r, id.kind, id.name, n), ix103Advice(p, r, id.kind, id.name))
		}
		if r.Err == nil || r.Err.Code != schema.ErTooLongIdent {
			return
		}
		name := errQuoted(r.Err.Message, 0)
		if done[name] || name == "" {
			return
		}
		kind := "identifier"
		if strings.Contains(name, "_ibfk_") {
			kind = "foreign key"
		}
		p.ReportAt(r.Op.Span, "long "+name+" "+r.Op.Text, ix103Message(p, r, kind, name, len([]rune(name))), ix103Advice(p, r, kind, name))
	})
	return nil
}

func ix103Message(p *Pass, r *replay.OpResult, kind, name string, n int) string {
	msg := fmt.Sprintf("The %s name `%s` is %d characters long; MySQL allows at most 64 and refuses the statement with error 1059 (ER_TOO_LONG_IDENT).", kind, name, n)
	switch {
	case !p.generatedName(r.Op, name):
	case strings.Contains(name, "_ibfk_"):
		msg += " The statement does not write this name: MySQL names an unnamed foreign key `<table>_ibfk_<n>`, so a long table name is enough."
	case strings.HasPrefix(r.Op.Origin, "sequelize."):
		msg += " The call does not write this name: Sequelize generates it from the table and field names."
	default:
		msg += " The statement does not write this name: it is generated from the table and column names."
	}
	return msg
}

func ix103Advice(p *Pass, r *replay.OpResult, kind, name string) string {
	if p.generatedName(r.Op, name) {
		if strings.HasPrefix(r.Op.Origin, "sequelize.") {
			return fmt.Sprintf("Give the %s a short explicit name (the `name` option, or `CONSTRAINT <name>` in SQL).", kind)
		}
		return fmt.Sprintf("Give the %s a short explicit name (`CONSTRAINT <name> FOREIGN KEY ...`), or shorten the table name.", kind)
	}
	return fmt.Sprintf("Shorten the %s name to 64 characters or fewer.", kind)
}

var ruleIX104 = &Rule{
	Code:     "IX104",
	Name:     "index-key-too-long",
	Severity: Critical,
	Title:    "Index key too long, or TEXT/BLOB indexed without a prefix length",
	Run:      runIX104,
}

// runIX104 explains errors 1071 and 1170 raised by the simulator, naming
// the index, the column and the byte count.
func runIX104(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		if r.Err == nil || (r.Err.Code != schema.ErTooLongKey && r.Err.Code != schema.ErBlobKeyWithoutLength) {
			return
		}
		generic := func() {
			p.ReportAt(r.Op.Span, r.Op.Text,
				fmt.Sprintf("MySQL refuses this index: error %d (%s): %s.", r.Err.Code, r.Err.Name, r.Err.Message),
				"Index shorter columns or a prefix of them; TEXT and BLOB columns need a prefix length.")
		}
		table := ChangedTable(r.Op.Change)
		t := tableAfter(r, table)
		if t == nil {
			generic()
			return
		}
		limit := schema.MaxKeyLength
		if rf := strings.ToUpper(t.Options.RowFormat); rf == "COMPACT" || rf == "REDUNDANT" {
			limit = schema.MaxKeyLengthCompact
		}
		// The statement's own keys first, then the table's existing ones
		// (a widened column can push an old key over the limit).
		cands := changeIndexes(r.Op.Change)
		if _, ok := r.Op.Change.(*schema.AlterTable); ok {
			cands = append(cands, t.Indexes...)
		}
		for _, ix := range cands {
			if ix.Kind != "" {
				continue
			}
			total, parts, blob := keyBytes(t, ix)
			span, key := indexSpan(r.Op, ix)
			name := ix.Name
			if name == "" {
				name = ix.Columns()[0]
			}
			label := fmt.Sprintf("Index `%s` on `%s`(%s)", name, table, indexColumns(ix))
			if ix.Primary {
				label = fmt.Sprintf("The primary key of `%s`(%s)", table, indexColumns(ix))
			}
			switch {
			case r.Err.Code == schema.ErBlobKeyWithoutLength && blob != nil:
				p.ReportAt(span, key+" "+r.Op.Text,
					fmt.Sprintf("%s indexes %s column `%s` without a prefix length: MySQL cannot index whole TEXT/BLOB values and refuses with error 1170 (ER_BLOB_KEY_WITHOUT_LENGTH).", label, strings.ToUpper(blob.Type.Base), blob.Name),
					fmt.Sprintf("Index a prefix, e.g. `%s(191)` (at most %d characters in utf8mb4); for uniqueness of whole values, index a generated column holding a hash such as `SHA2(%s, 256)`, or use VARCHAR if values are short.", blob.Name, limit/4, blob.Name))
				return
			case r.Err.Code == schema.ErTooLongKey && total > limit:
				p.ReportAt(span, key+" "+r.Op.Text,
					fmt.Sprintf("%s is %d bytes long (%s), over InnoDB's limit of %d bytes: MySQL refuses it with error 1071 (ER_TOO_LONG_KEY). A key counts every character at the character set's maximum width (4 bytes in utf8mb4).", label, total, strings.Join(parts, " + "), limit),
					fmt.Sprintf("Shorten the columns (a utf8mb4 VARCHAR key column fits in %d bytes as VARCHAR(%d)), or index a prefix such as `col(191)`.", limit, limit/4))
				return
			}
		}
		generic()
	})
	return nil
}

// keyBytes computes the length of ix's key in t as InnoDB counts it, with
// a description of each part, and returns the first TEXT/BLOB column the
// key uses without a prefix length.
func keyBytes(t *schema.Table, ix *schema.Index) (int, []string, *schema.Column) {
	total := 0
	var parts []string
	var blob *schema.Column
	for _, p := range ix.Parts {
		c := t.Column(p.Column)
		if c == nil {
			continue
		}
		ty := c.Type
		mb := 1
		if ty.IsCharacter() {
			cs := ty.Charset
			if cs == "" {
				cs = t.Options.Charset
			}
			mb = schema.BytesPerChar(cs)
			if cs == "" {
				mb = 4
			}
		}
		var n int
		switch {
		case p.Length > 0:
			n = p.Length * mb
			parts = append(parts, fmt.Sprintf("`%s`(%d): %d", c.Name, p.Length, n))
		case ty.IsText() || ty.IsBlob():
			if blob == nil {
				blob = c
			}
			continue
		case ty.Base == "char" || ty.Base == "varchar":
			n = ty.Length * mb
			parts = append(parts, fmt.Sprintf("`%s` %s(%d) at %d bytes a character: %d", c.Name, strings.ToUpper(ty.Base), ty.Length, mb, n))
		default:
			n = ty.MaxBytes()
			parts = append(parts, fmt.Sprintf("`%s`: %d", c.Name, n))
		}
		total += n
	}
	return total, parts, blob
}

var ruleIX105 = &Rule{
	Code:     "IX105",
	Name:     "unique-on-existing-table",
	Severity: High,
	Title:    "UNIQUE key added to an existing table",
	Run:      runIX105,
}

func runIX105(p *Pass) error {
	p.UpOps(func(st *replay.Step, r *replay.OpResult) {
		at, ok := r.Op.Change.(*schema.AlterTable)
		if !ok || r.Err != nil || !Existing(r, at.Table) {
			return
		}
		table, added := newIndexes(r)
		cols := addedColumns(at)
		after := r.After.Table(table)
		for _, ix := range added {
			if !ix.Unique {
				continue
			}
			// A key part that is a new column holding NULL in every row
			// cannot collide (NULLs never do); a new AUTO_INCREMENT column
			// is numbered.
			var filled *schema.Column
			safe := false
			for _, part := range ix.Parts {
				c := cols[strings.ToLower(part.Column)]
				if c == nil {
					continue
				}
				if c.AutoIncrement || (c.Nullable && (c.Default == nil || c.Default.Null) && c.Generated == nil) {
					safe = true
				} else if c.Generated == nil {
					filled = c
				}
			}
			if safe || impliedUnique(r.Before.Table(at.Table), ix) {
				continue
			}
			span, key := indexSpan(r.Op, ix)
			what := "A UNIQUE key"
			if ix.Primary {
				what = "A PRIMARY KEY"
			}
			if filled != nil && len(ix.Parts) == 1 {
				p.ReportAt(span, key+" "+r.Op.Text,
					fmt.Sprintf("%s on new column `%s.%s` is added to a table that already holds rows, and every existing row gets %s: with two rows or more the ALTER fails with error 1062 (duplicate entry).", what, table, filled.Name, rowFill(filled)),
					fmt.Sprintf("Add `%s` as NULL first, backfill distinct values in batches, then add the unique key in a later migration.", filled.Name))
				continue
			}
			p.ReportAt(span, key+" "+r.Op.Text,
				fmt.Sprintf("%s (%s) is added to `%s`, which already holds rows: if any two rows share a value, the ALTER fails with error 1062 (duplicate entry), possibly after running for a long time. Look for duplicates before deploying: `%s`.", what, indexLabel(table, ix), table, duplicateQuery(after, table, ix)),
				"Merge or fix the duplicate rows first (mind case-insensitive collations: 'A' and 'a' collide), then add the key; on a large table run it with gh-ost or pt-online-schema-change.")
		}
	})
	return nil
}

// impliedUnique reports whether the rows of t were already unique on a
// subset of ix's whole columns (a primary or unique key before the
// statement): then they cannot collide on ix either.
func impliedUnique(t *schema.Table, ix *schema.Index) bool {
	if t == nil {
		return false
	}
	whole := map[string]bool{}
	for _, p := range ix.Parts {
		if p.Column != "" && p.Length == 0 {
			whole[strings.ToLower(p.Column)] = true
		}
	}
	for _, old := range t.Indexes {
		if !old.Unique || len(old.Parts) == 0 {
			continue
		}
		covered := true
		for _, p := range old.Parts {
			if p.Column == "" || !whole[strings.ToLower(p.Column)] {
				covered = false
			}
		}
		if covered {
			return true
		}
	}
	return false
}

// duplicateQuery is the query listing the values a unique key on ix would
// reject. Rows with a NULL key part never collide, so they are left out.
func duplicateQuery(t *schema.Table, table string, ix *schema.Index) string {
	var exprs, notNull []string
	for _, p := range ix.Parts {
		e := p.Column
		if p.Column == "" {
			e = "(" + p.Expr + ")"
		} else if p.Length > 0 {
			e = fmt.Sprintf("LEFT(%s, %d)", p.Column, p.Length)
		}
		exprs = append(exprs, e)
		if c := t.Column(p.Column); c != nil && c.Nullable && !ix.Primary {
			notNull = append(notNull, p.Column+" IS NOT NULL")
		}
	}
	where := ""
	if len(notNull) > 0 {
		where = " WHERE " + strings.Join(notNull, " AND ")
	}
	list := strings.Join(exprs, ", ")
	return fmt.Sprintf("SELECT %s, COUNT(*) FROM %s%s GROUP BY %s HAVING COUNT(*) > 1", list, table, where, list)
}

var ruleIX106 = &Rule{
	Code:     "IX106",
	Name:     "index-low-cardinality",
	Severity: Optimization,
	Title:    "Single-column index on a low-cardinality column",
	Run:      runIX106,
}

// lowCardinality says why a column holds few distinct values, or "".
func lowCardinality(c *schema.Column) string {
	ty := c.Type
	switch {
	case ty.Base == "tinyint" && ty.DisplayWidth == 1, ty.Base == "bit" && ty.Length <= 1, ty.Base == "boolean", ty.Base == "bool":
		return "a boolean"
	case ty.Base == "enum" && len(ty.Values) <= 4:
		return fmt.Sprintf("an ENUM of %s", plural(len(ty.Values), "value", "values"))
	}
	n := strings.ToLower(c.Name)
	for _, s := range []string{"status", "state"} {
		if n == s || strings.HasSuffix(n, "_"+s) || (strings.HasSuffix(n, s) && len(c.Name) > len(s) && c.Name[len(c.Name)-len(s)] == strings.ToUpper(s)[0]) {
			return "a status-like column"
		}
	}
	return ""
}

func runIX106(p *Pass) error {
	for _, st := range p.Judged() {
		for i := range st.Up {
			r := &st.Up[i]
			table, added := newIndexes(r)
			final := st.After.Table(table)
			if final == nil {
				continue
			}
			for _, a := range added {
				ix := final.Index(a.Name)
				if ix == nil || !sameIndex(ix, a) || ix.Unique || len(ix.Parts) != 1 || !plainBTree(ix) || ix.Parts[0].Length > 0 {
					continue
				}
				col := final.Column(ix.Parts[0].Column)
				if col == nil || hasDBForeignKey(final, col.Name) {
					continue
				}
				why := lowCardinality(col)
				if why == "" {
					continue
				}
				next := "<the column you filter or sort by next>"
				for _, name := range []string{"created_at", "createdAt"} {
					if c := final.Column(name); c != nil {
						next = c.Name
					}
				}
				span, key := indexSpan(r.Op, ix)
				p.ReportAt(span, key+" "+r.Op.Text,
					fmt.Sprintf("Index `%s` covers only `%s.%s`, %s: each value matches a large share of the rows, so MySQL often prefers a full table scan to the index, while every write still pays for it.", ix.Name, table, col.Name, why),
					fmt.Sprintf("Index it together with what your queries filter or sort by next, e.g. `(%s, %s)`; a composite that starts with `%s` serves this column's lookups too.", col.Name, next, col.Name))
			}
		}
	}
	return nil
}

var ruleIX107 = &Rule{
	Code:     "IX107",
	Name:     "too-many-indexes",
	Severity: Medium,
	Title:    "Too many indexes on one table",
	Run:      runIX107,
}

// defaultMaxIndexes is the secondary index count above which IX107 warns
// when the configuration sets none.
const defaultMaxIndexes = 10

// secondaryIndexes counts the indexes of t other than the primary key.
func secondaryIndexes(t *schema.Table) int {
	n := 0
	if t != nil {
		for _, ix := range t.Indexes {
			if !ix.Primary {
				n++
			}
		}
	}
	return n
}

func runIX107(p *Pass) error {
	max := p.Settings.MaxIndexes
	if max <= 0 {
		max = defaultMaxIndexes
	}
	for _, st := range p.Judged() {
		reported := map[string]bool{}
		for i := range st.Up {
			r := &st.Up[i]
			table := ChangedTable(r.Op.Change)
			if r.Err != nil {
				// Error 1069 is always reported: the migration fails.
				if r.Err.Code != schema.ErTooManyKeys {
					continue
				}
				n := len(changeIndexes(r.Op.Change))
				if bt := r.Before.Table(table); bt != nil {
					n += len(bt.Indexes)
				}
				reported[table] = true
				p.Report(Finding{Path: r.Op.Span.Path, Line: r.Op.Span.Line, EndLine: r.Op.Span.EndLine, Subject: "too-many " + r.Op.Text, Severity: Critical,
					Message: fmt.Sprintf("This statement would give `%s` about %d indexes; MySQL allows at most %d and refuses it with error 1069 (ER_TOO_MANY_KEYS).", table, n, schema.MaxIndexes),
					Advice:  "Drop unused and redundant indexes (sys.schema_unused_indexes, sys.schema_redundant_indexes) and combine single-column indexes into composites."})
				continue
			}
			if table == "" || reported[table] {
				continue
			}
			after := r.After.Table(table)
			n := secondaryIndexes(after)
			if n <= max || n <= secondaryIndexes(r.Before.Table(table)) || secondaryIndexes(st.After.Table(table)) <= max {
				continue
			}
			reported[table] = true
			p.ReportAt(r.Op.Span, "too-many "+table+" "+r.Op.Text,
				fmt.Sprintf("After this statement `%s` has %d secondary indexes, more than the configured maximum of %d: every INSERT, and every UPDATE or DELETE touching indexed columns, has to maintain all of them.", table, n, max),
				fmt.Sprintf("Check which indexes of `%s` queries actually use (sys.schema_unused_indexes, sys.schema_redundant_indexes); drop the rest or merge them into composites. Raise `max-indexes` in the configuration if this table needs them.", table))
		}
	}
	return nil
}

var ruleIX108 = &Rule{
	Code:     "IX108",
	Name:     "index-composite-opportunity",
	Severity: Optimization,
	Title:    "Foreign key column of a timestamped table indexed alone",
	Run:      runIX108,
}

// runIX108 suggests (fk, created_at) for the single-column foreign keys a
// judged migration adds to tables with a creation timestamp, when the only
// indexes starting with the key column are single-column and non-unique.
// Join tables (the column is in the primary key or in a unique key) are
// left alone: their rows are not listed in time order.
func runIX108(p *Pass) error {
	for _, st := range p.Judged() {
		seen := map[string]bool{}
		for i := range st.Up {
			r := &st.Up[i]
			if r.Err != nil || r.Op.Change == nil {
				continue
			}
			for _, a := range AddedFKs(r.Op.Change) {
				if len(a.FK.Columns) != 1 {
					continue
				}
				t := st.After.Table(a.Table)
				col := a.FK.Columns[0]
				if t == nil || !hasFK(t, a.FK) || seen[a.Table+"."+strings.ToLower(col)] {
					continue
				}
				var created *schema.Column
				for _, name := range []string{"created_at", "createdAt"} {
					if c := t.Column(name); c != nil {
						created = c
					}
				}
				if created == nil || strings.EqualFold(created.Name, col) || !onlySingleIndexes(t, col) {
					continue
				}
				seen[a.Table+"."+strings.ToLower(col)] = true
				span, key := FKSpan(r.Op, a.FK)
				p.ReportAt(span, "composite "+key+" "+r.Op.Text,
					fmt.Sprintf("`%s.%s` is indexed only on its own: when the `%s` rows of one `%s` row are listed in time order (`WHERE %s = ? ORDER BY %s DESC LIMIT n`), MySQL reads all of that parent's rows and sorts them (filesort) before the LIMIT applies.", a.Table, col, a.Table, a.FK.RefTable, col, created.Name),
					fmt.Sprintf("If the application lists `%s` per `%s` by time, index `(%s, %s)` instead: it serves the foreign key, the lookup and the ORDER BY %s together.", a.Table, a.FK.RefTable, col, created.Name, created.Name))
			}
		}
	}
	return nil
}

// onlySingleIndexes reports whether some index of t starts with col and
// every such index is a plain, non-unique, single-column index, with col
// outside the primary key.
func onlySingleIndexes(t *schema.Table, col string) bool {
	found := false
	for _, ix := range t.Indexes {
		for k, p := range ix.Parts {
			if !strings.EqualFold(p.Column, col) {
				continue
			}
			if ix.Primary || ix.Unique {
				return false
			}
			if k == 0 {
				if len(ix.Parts) > 1 || ix.Kind != "" {
					return false
				}
				found = true
			}
		}
	}
	return found
}
