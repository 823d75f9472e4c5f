package onlineddl

import (
	"fmt"
	"slices"
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
)

// Options is what Predict needs to know besides the statement.
type Options struct {
	Version Version
	// ForeignKeyChecksOff is true when the session ran SET
	// foreign_key_checks = 0 before the statement.
	ForeignKeyChecksOff bool
}

// Classified is an operation with its support.
type Classified struct {
	Operation
	Support
}

// Prediction is how one ALTER TABLE as a whole runs.
type Prediction struct {
	Algorithm Algorithm
	// Lock is the least restrictive LOCK clause the statement accepts:
	// LockDefault for INSTANT, LockShared for COPY.
	Lock Lock
	// Rebuild: the table is rebuilt.
	Rebuild bool
	// ConcurrentDML: writes to the table proceed while it runs.
	ConcurrentDML bool
	// Ops lists every operation of the statement, classified.
	Ops []Classified
	// Limiting lists the operations that decided the algorithm or block
	// writes: the COPY-only ones when the statement copies, the ones that
	// forbid concurrent DML or rebuild otherwise.
	Limiting []Classified
}

// Blocking reports whether the statement copies the table or keeps writes
// waiting while it runs.
func (p Prediction) Blocking() bool {
	return len(p.Ops) > 0 && (p.Algorithm == Copy || !p.ConcurrentDML)
}

// Clause renders the ALGORITHM and LOCK the statement can assert:
// "ALGORITHM=INSTANT", "ALGORITHM=INPLACE, LOCK=NONE", "ALGORITHM=COPY,
// LOCK=SHARED".
func (p Prediction) Clause() string {
	if p.Algorithm == Instant {
		return "ALGORITHM=INSTANT"
	}
	return "ALGORITHM=" + p.Algorithm.String() + ", LOCK=" + p.Lock.String()
}

// Predict classifies an ALTER TABLE on before (the table as it is before the
// statement) and combines its clauses. after, when not nil, is the table
// after the statement; it resolves what a clause leaves implicit (the
// character set of a modified column).
func Predict(before, after *schema.Table, at *schema.AlterTable, o Options) Prediction {
	ops := Operations(before, after, at, o)
	return Combine(ops, o.Version)
}

// Combine classifies operations on v and derives the statement's algorithm:
// INSTANT when all operations can run instantly; otherwise INPLACE when all
// can run in place, each instant-capable one then taking its INPLACE path;
// otherwise COPY.
func Combine(ops []Operation, v Version) Prediction {
	p := Prediction{Algorithm: Instant, Lock: LockDefault, ConcurrentDML: true}
	for _, op := range ops {
		p.Ops = append(p.Ops, Classified{op, Classify(op, v)})
	}
	for _, c := range p.Ops {
		if !c.Instant && p.Algorithm == Instant {
			p.Algorithm = Inplace
		}
		if !c.Inplace {
			p.Algorithm = Copy
		}
	}
	switch p.Algorithm {
	case Instant:
		return p
	case Copy:
		p.Lock, p.Rebuild, p.ConcurrentDML = LockShared, true, false
		for _, c := range p.Ops {
			if !c.Inplace {
				p.Limiting = append(p.Limiting, c)
			}
		}
		return p
	}
	p.Lock = LockNone
	for _, c := range p.Ops {
		if c.Rebuild {
			p.Rebuild = true
		}
		if !c.ConcurrentDML {
			p.ConcurrentDML = false
			p.Limiting = append(p.Limiting, c)
		}
		if c.Lock > p.Lock {
			p.Lock = c.Lock
		}
	}
	return p
}

// Operations lowers the clauses of an ALTER TABLE on table t into the
// operations of the online DDL tables. A clause that changes nothing InnoDB
// stores (a column comment) yields no operation.
func Operations(t, after *schema.Table, at *schema.AlterTable, o Options) []Operation {
	if t == nil || at == nil {
		return nil
	}
	b := &builder{t: t, after: after, o: o, table: t.Name}
	if n := len(t.Columns); n > 0 {
		b.last = t.Columns[n-1].Name
	}
	for _, ix := range t.Indexes {
		if strings.EqualFold(ix.Kind, "FULLTEXT") {
			b.hasFulltext = true
		}
	}
	b.noInstant = b.hasFulltext || strings.EqualFold(t.Options.RowFormat, "COMPRESSED")
	for _, s := range at.Specs {
		switch s := s.(type) {
		case *schema.DropPrimaryKey:
			b.dropPK = true
		case *schema.AddIndex:
			b.addPK = b.addPK || (s.Index != nil && s.Index.Primary)
		case *schema.AddColumn:
			for _, in := range s.Inline {
				if ai, ok := in.(*schema.AddIndex); ok && ai.Index != nil && ai.Index.Primary {
					b.addPK = true
				}
			}
		}
	}
	for _, s := range at.Specs {
		b.spec(s)
	}
	return b.ops
}

type builder struct {
	t, after    *schema.Table
	o           Options
	table       string
	last        string // the last column as the statement goes
	hasFulltext bool
	noInstant   bool
	dropPK      bool // the statement drops the primary key
	addPK       bool // the statement adds a primary key
	ops         []Operation
}

func (b *builder) add(op Operation) {
	op.Table = b.table
	b.ops = append(b.ops, op)
}

func (b *builder) spec(s schema.AlterSpec) {
	switch s := s.(type) {
	case *schema.AddColumn:
		b.addColumn(s)
	case *schema.DropColumn:
		c := b.t.Column(s.Name)
		if c == nil {
			return
		}
		k := DropColumn
		if c.Generated != nil {
			k = DropVirtualColumn
			if c.Generated.Stored {
				k = DropStoredColumn
			}
		}
		b.add(Operation{Kind: k, Column: c.Name, NoInstantTable: b.noInstant, Key: "column:" + c.Name})
	case *schema.ModifyColumn:
		b.modifyColumn(s)
	case *schema.RenameColumn:
		b.add(Operation{Kind: RenameColumn, Column: s.From, Detail: "to `" + s.To + "`", Key: "column:" + s.To})
	case *schema.AlterColumnDefault:
		k := SetColumnDefault
		if s.Default == nil {
			k = DropColumnDefault
		}
		b.add(Operation{Kind: k, Column: s.Name, Key: "column:" + s.Name})
	case *schema.AddIndex:
		b.addIndex(s.Index)
	case *schema.DropIndex:
		b.add(Operation{Kind: DropIndex, Index: s.Name, Key: "index:" + s.Name})
	case *schema.DropPrimaryKey:
		// DROP PRIMARY KEY with ADD PRIMARY KEY is one operation, emitted
		// at the ADD.
		if !b.addPK {
			b.add(Operation{Kind: DropPrimaryKey})
		}
	case *schema.RenameIndex:
		b.add(Operation{Kind: RenameIndex, Index: s.From, Detail: "to `" + s.To + "`", Key: "index:" + s.To})
	case *schema.AddForeignKey:
		b.add(Operation{Kind: AddForeignKey, Index: s.ForeignKey.Name, ForeignKeyChecksOff: b.o.ForeignKeyChecksOff, Key: "fk:" + strings.Join(s.ForeignKey.Columns, ",")})
	case *schema.DropForeignKey:
		b.add(Operation{Kind: DropForeignKey, Index: s.Name})
	case *schema.AddCheck:
		if s.Check != nil && !s.Check.NotEnforced {
			b.add(Operation{Kind: AddCheck, Index: s.Check.Name})
		}
	case *schema.DropCheck:
		b.add(Operation{Kind: DropCheck, Index: s.Name})
	case *schema.DropConstraint:
		switch {
		case b.t.ForeignKey(s.Name) != nil:
			b.add(Operation{Kind: DropForeignKey, Index: s.Name})
		case b.t.Check(s.Name) != nil:
			b.add(Operation{Kind: DropCheck, Index: s.Name})
		case b.t.Index(s.Name) != nil:
			b.add(Operation{Kind: DropIndex, Index: s.Name})
		}
	case *schema.SetTableOptions:
		b.tableOptions(s)
	case *schema.ConvertCharset:
		if b.convertsNothing() {
			return
		}
		b.add(Operation{Kind: ConvertCharset, Detail: "to " + s.Charset, EncodingChanges: !strings.EqualFold(schema.CanonicalCharset(s.Charset), b.t.Options.Charset)})
	case *schema.RenameTo:
		b.add(Operation{Kind: RenameTable, Detail: "to `" + s.Name + "`"})
	}
}

func (b *builder) addColumn(s *schema.AddColumn) {
	c := s.Column
	if c == nil {
		return
	}
	last := !s.Position.First && (s.Position.After == "" || strings.EqualFold(s.Position.After, b.last))
	if last {
		b.last = c.Name
	}
	key := "column:" + c.Name
	switch {
	case c.Generated != nil && c.Generated.Stored:
		b.add(Operation{Kind: AddStoredColumn, Column: c.Name, Key: key})
	case c.Generated != nil:
		b.add(Operation{Kind: AddVirtualColumn, Column: c.Name, Key: key})
	default:
		b.add(Operation{Kind: AddColumn, Column: c.Name, Last: last, AutoIncrement: c.AutoIncrement, NoInstantTable: b.noInstant, Key: key})
	}
	for _, in := range s.Inline {
		b.spec(in)
	}
}

func (b *builder) addIndex(ix *schema.Index) {
	if ix == nil {
		return
	}
	key := "index:" + ix.Name
	switch {
	case ix.Primary:
		nulls := false
		for _, p := range ix.Parts {
			if c := b.t.Column(p.Column); c != nil && c.Nullable {
				nulls = true
			}
		}
		k := AddPrimaryKey
		if b.dropPK {
			k = DropPrimaryKeyAddAnother
		}
		b.add(Operation{Kind: k, Index: "PRIMARY", NullsToConvert: nulls, Key: key})
	case strings.EqualFold(ix.Kind, "FULLTEXT"):
		first := !b.hasFulltext && b.t.Column("FTS_DOC_ID") == nil
		b.hasFulltext = true
		b.add(Operation{Kind: AddFulltextIndex, Index: ix.Name, FirstFulltext: first, Key: key})
	case strings.EqualFold(ix.Kind, "SPATIAL"):
		b.add(Operation{Kind: AddSpatialIndex, Index: ix.Name, Key: key})
	default:
		b.add(Operation{Kind: AddSecondaryIndex, Index: ix.Name, Key: key})
	}
}

func (b *builder) tableOptions(s *schema.SetTableOptions) {
	if s.SetEngine {
		if strings.EqualFold(s.Options.Engine, b.t.Options.Engine) || (b.t.Options.Engine == "" && strings.EqualFold(s.Options.Engine, schema.DefaultEngine)) {
			b.add(Operation{Kind: NullRebuild})
		} else {
			b.add(Operation{Kind: ChangeEngine, Detail: "to " + s.Options.Engine})
		}
	}
	if s.SetCharset || s.SetCollation {
		cs := schema.CanonicalCharset(s.Options.Charset)
		if cs == "" && s.Options.Collation != "" {
			cs = schema.CharsetOfCollation(s.Options.Collation)
		}
		b.add(Operation{Kind: SpecifyCharset, EncodingChanges: cs != "" && cs != b.t.Options.Charset})
	}
	if s.SetRowFormat {
		b.add(Operation{Kind: ChangeRowFormat, Detail: "to " + s.Options.RowFormat})
	}
	if s.SetComment {
		b.add(Operation{Kind: TableComment})
	}
}

// modifyColumn compares the old definition with the new one and emits one
// operation per kind of change.
func (b *builder) modifyColumn(s *schema.ModifyColumn) {
	old := b.t.Column(s.Name)
	nc := s.Column
	if old == nil || nc == nil {
		return
	}
	if b.after != nil {
		if c := b.after.Column(nc.Name); c != nil {
			nc = c
		}
	}
	key := "column:" + nc.Name
	if !strings.EqualFold(old.Name, nc.Name) {
		b.add(Operation{Kind: RenameColumn, Column: old.Name, Detail: "to `" + nc.Name + "`", Key: key})
	}
	typeOp := func(detail string) {
		b.add(Operation{Kind: ChangeColumnType, Column: old.Name, Detail: detail, Key: key})
	}
	switch {
	case (old.Generated == nil) != (nc.Generated == nil):
		typeOp("between a generated and an ordinary column")
	case old.Generated != nil && (old.Generated.Stored || nc.Generated.Stored) &&
		(old.Generated.Stored != nc.Generated.Stored || old.Generated.Expr != nc.Generated.Expr):
		typeOp("a STORED generated column's definition changes")
	case !old.AutoIncrement && nc.AutoIncrement:
		typeOp("AUTO_INCREMENT is added and every row gets a value")
	default:
		if k, detail := typeChange(old.Type, nc.Type); k != 0 {
			b.add(Operation{Kind: k, Column: old.Name, Detail: detail, Key: key})
		}
	}
	switch {
	case old.Nullable && !nc.Nullable:
		b.add(Operation{Kind: MakeColumnNotNull, Column: old.Name, Key: key})
	case !old.Nullable && nc.Nullable:
		b.add(Operation{Kind: MakeColumnNull, Column: old.Name, Key: key})
	}
	if !sameDefault(old.Default, nc.Default) {
		k := SetColumnDefault
		if s.Column.Default == nil {
			k = DropColumnDefault
		}
		b.add(Operation{Kind: k, Column: old.Name, Key: key})
	}
	if b.moves(old.Name, s.Position) {
		k := ReorderColumns
		if old.Generated != nil {
			k = ReorderVirtualColumn
			if old.Generated.Stored {
				k = ReorderStoredColumn
			}
		}
		b.add(Operation{Kind: k, Column: old.Name, Key: key})
	}
	for _, in := range s.Inline {
		b.spec(in)
	}
}

// convertsNothing reports whether a CONVERT TO CHARACTER SET leaves every
// column and the table default as they were (known only with the table
// after the statement).
func (b *builder) convertsNothing() bool {
	if b.after == nil || b.after.Options.Charset != b.t.Options.Charset || b.after.Options.Collation != b.t.Options.Collation {
		return false
	}
	for _, c := range b.t.Columns {
		n := b.after.Column(c.Name)
		if n == nil || n.Type.Charset != c.Type.Charset || n.Type.Collation != c.Type.Collation || n.Type.Base != c.Type.Base {
			return false
		}
	}
	return true
}

// moves reports whether FIRST / AFTER puts the column somewhere else than
// where it is.
func (b *builder) moves(col string, pos schema.ColumnPosition) bool {
	i := b.t.ColumnIndex(col)
	if i < 0 {
		return false
	}
	switch {
	case pos.First:
		return i != 0
	case pos.After != "":
		return i == 0 || !strings.EqualFold(b.t.Columns[i-1].Name, pos.After)
	}
	return false
}

func sameDefault(a, b *schema.Default) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// typeChange classifies a change of column type: 0 when the stored type
// does not change, ExtendVarchar or ModifyEnumSet for the changes InnoDB
// makes in place, ChangeColumnType otherwise.
func typeChange(old, nt schema.Type) (Kind, string) {
	o, n := old, nt
	o.DisplayWidth, n.DisplayWidth = 0, 0
	if o.Equal(n) {
		return 0, ""
	}
	from, to := strings.ToUpper(old.String()), strings.ToUpper(nt.String())
	sameCharset := o.Charset == n.Charset && o.Collation == n.Collation
	switch {
	case o.Base == n.Base && (o.Base == "varchar" || o.Base == "varbinary") && sameCharset:
		if n.Length < o.Length {
			return ChangeColumnType, fmt.Sprintf("%s to %s shrinks it", from, to)
		}
		ob, nb := o.MaxBytes(), n.MaxBytes()
		if (ob <= 255) != (nb <= 255) {
			return ChangeColumnType, fmt.Sprintf("%s to %s grows past 255 bytes, so the length prefix grows from 1 to 2 bytes", from, to)
		}
		return ExtendVarchar, fmt.Sprintf("%s to %s", from, to)
	case o.Base == n.Base && (o.Base == "enum" || o.Base == "set") && sameCharset:
		if len(n.Values) > len(o.Values) && slices.Equal(n.Values[:len(o.Values)], o.Values) {
			if o.MaxBytes() == n.MaxBytes() {
				return ModifyEnumSet, fmt.Sprintf("appends %s", quoteList(n.Values[len(o.Values):]))
			}
			return ChangeColumnType, fmt.Sprintf("appending members grows the %s storage size", strings.ToUpper(o.Base))
		}
		return ChangeColumnType, fmt.Sprintf("%s members are removed, reordered or inserted before the end", strings.ToUpper(o.Base))
	case !sameCharset && o.String() == n.String():
		return ChangeColumnType, fmt.Sprintf("character set or collation %s to %s", o.Collation, n.Collation)
	}
	return ChangeColumnType, fmt.Sprintf("%s to %s", from, to)
}

func quoteList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = schema.QuoteString(v)
	}
	return strings.Join(q, ", ")
}
