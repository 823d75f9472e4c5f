package sequelize

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// LoadMigrations bundles and runs each Sequelize migration file (JS or TS,
// repository-relative paths) in its own sandbox and returns one migration
// per file, sorted the way sequelize-cli and umzug order them:
// lexicographically on the file name. Files load in parallel; a file that
// fails to bundle, throws, times out or misbehaves yields located problems
// or NotAnalyzed ops and never stops the others.
func LoadMigrations(paths []string, o Options) []*ir.Migration {
	sorted := append([]string(nil), paths...)
	sort.SliceStable(sorted, func(i, j int) bool {
		bi, bj := path.Base(sorted[i]), path.Base(sorted[j])
		if bi != bj {
			return bi < bj
		}
		return sorted[i] < sorted[j]
	})
	r := newRepo(o)
	dog.acquire()
	defer dog.release()
	chunks := chunked(sorted)
	done := parallel(len(chunks), func(ci int) []*ir.Migration {
		ps := chunks[ci]
		bs := r.bundleBatch(ps)
		out := make([]*ir.Migration, len(ps))
		for i, p := range ps {
			out[i] = safeLoadMigration(r, p, bs[i], o)
		}
		return out
	}, func(ci int, v any) []*ir.Migration {
		var out []*ir.Migration
		for _, p := range chunks[ci] {
			out = append(out, internalErrorMigration(p, v))
		}
		return out
	})
	var all []*ir.Migration
	for _, d := range done {
		all = append(all, d...)
	}
	return all
}

func internalErrorMigration(p string, v any) *ir.Migration {
	m := newMigration(p)
	m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: fmt.Sprintf("internal error while loading the migration: %v", v)})
	return m
}

// safeLoadMigration is loadMigration with a recover, so that one file
// cannot take its batch down.
func safeLoadMigration(r *repo, p string, b *bundled, o Options) (m *ir.Migration) {
	defer func() {
		if v := recover(); v != nil {
			m = internalErrorMigration(p, v)
		}
	}()
	return loadMigration(r, p, b, o)
}

// batchSize is how many entry files one esbuild build bundles together.
const batchSize = 32

// chunked splits paths into batches, so that each worker bundles a batch
// at once and then runs its files.
func chunked(paths []string) [][]string {
	var out [][]string
	for len(paths) > 0 {
		n := min(batchSize, len(paths))
		out = append(out, paths[:n])
		paths = paths[n:]
	}
	return out
}

// bundleBatch bundles the repository paths among ps together; entries that
// are outside the repository get nil (loadMigration reports them).
func (r *repo) bundleBatch(ps []string) []*bundled {
	out := make([]*bundled, len(ps))
	var entries []string
	var idx []int
	for i, p := range ps {
		if c, ok := cleanRel(p); ok {
			entries = append(entries, c)
			idx = append(idx, i)
		}
	}
	if len(entries) == 0 {
		return out
	}
	bs := r.bundleMany(entries)
	if len(bs) != len(entries) {
		return out // the batch failed as a whole: each file is bundled alone
	}
	for k, i := range idx {
		b := bs[k]
		out[i] = &b
	}
	return out
}

var versionRe = regexp.MustCompile(`^([0-9][0-9._T:-]*[0-9]|[0-9])[-_.]+(.*)$`)

func newMigration(p string) *ir.Migration {
	base := path.Base(p)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	m := &ir.Migration{Path: p, Paths: []string{p}, Kind: "sequelize", Convention: "sequelize-cli", Name: base}
	if mm := versionRe.FindStringSubmatch(base); mm != nil {
		m.Version, m.Name = mm[1], mm[2]
	} else if isDigits(base) {
		m.Version, m.Name = base, ""
	}
	return m
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func problemSpan(p problemAt) ir.Span {
	l := p.Line
	if l < 1 {
		l = 1
	}
	return ir.Span{Path: p.Path, Line: l, EndLine: l}
}

// loadMigration loads one file; b is its bundle when it was bundled with
// its batch, nil to bundle it here.
func loadMigration(r *repo, p string, b *bundled, o Options) *ir.Migration {
	m := newMigration(p)
	clean, ok := cleanRel(p)
	if !ok {
		m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: "the migration path is outside the repository"})
		return m
	}
	if b == nil {
		bb := r.bundle(clean)
		b = &bb
	}
	for _, pr := range b.Problems {
		m.Problems = append(m.Problems, ir.Problem{Span: problemSpan(pr), Message: pr.Message})
	}
	if b.Code == "" {
		if len(b.Problems) == 0 {
			m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: "bundling produced no code"})
		}
		return m
	}
	c, err := compile(clean, b.Code)
	if err != nil {
		m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: "the bundle does not parse: " + err.Error()})
		return m
	}
	src, _ := r.read(clean)
	ev := evalMigration(c, o, nil, []ir.Direction{ir.Up, ir.Down})
	m.Up, m.Down = ev.ops[ir.Up], ev.ops[ir.Down]
	m.HasDown = ev.hasDown
	m.Problems = append(m.Problems, ev.problems...)
	if ev.umzug {
		m.Convention = "umzug"
	}
	if m.HasDown {
		m.DownSpan = downSpan(clean, string(src))
	}
	if ev.dynamic {
		m.Dynamic = func(dir ir.Direction, state *schema.Schema) (ops []ir.Op) {
			if !ev.dependsOn(dir, state) {
				// Nothing this direction read changes its ops: the first
				// evaluation holds.
				return m.Ops(dir)
			}
			defer func() {
				if v := recover(); v != nil {
					ops = []ir.Op{{Span: ir.Span{Path: clean, Line: 1, EndLine: 1}, Origin: "sequelize", NotAnalyzed: fmt.Sprintf("internal error while re-evaluating the migration: %v", v)}}
				}
			}()
			dog.acquire()
			defer dog.release()
			if state == nil {
				state = &schema.Schema{}
			}
			again := evalMigration(c, o, state, []ir.Direction{dir})
			return again.ops[dir]
		}
	}
	return m
}

var downRe = regexp.MustCompile(`(?m)(\bdown\s*[:=(]|function\s+down\b|\bdown\s*\(|exports\.down\b)`)

// downSpan locates the down function in the source text.
func downSpan(p, src string) ir.Span {
	loc := downRe.FindStringIndex(src)
	if loc == nil {
		return ir.Span{}
	}
	line := strings.Count(src[:loc[0]], "\n") + 1
	return ir.Span{Path: p, Line: line, EndLine: line}
}

// migEval is one evaluation of a migration file.
type migEval struct {
	c        *compiled
	sb       *sandbox
	dir      ir.Direction
	ops      map[ir.Direction][]ir.Op
	low      *lowerer
	problems []ir.Problem
	hasDown  bool
	umzug    bool
	dynamic  bool
	// inDir is true while up or down runs; readIn records the database
	// reads of each direction, readAtLoad a read by module-level code.
	inDir      bool
	readIn     map[ir.Direction][]stateRead
	readAtLoad bool
}

// dependsOn reports whether the ops of dir, first evaluated without a
// database, could differ when evaluated against state. A removeColumn of
// a column that no foreign key uses lowers the same either way (Sequelize
// only reads the database to drop those keys first), so it alone does not
// call for a new evaluation.
func (ev *migEval) dependsOn(dir ir.Direction, state *schema.Schema) bool {
	if ev.readAtLoad {
		return true
	}
	for _, r := range ev.readIn[dir] {
		if r.Method != "removeColumn" || r.Table == "" || r.Column == "" {
			return true
		}
		if len(state.Table(r.Table).ForeignKeysOn(r.Column)) > 0 {
			return true
		}
	}
	return false
}

// fileTimeout is the time limit of one file.
func fileTimeout(o Options) time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

func evalMigration(c *compiled, o Options, state *schema.Schema, dirs []ir.Direction) *migEval {
	ev := &migEval{c: c, ops: map[ir.Direction][]ir.Op{}, readIn: map[ir.Direction][]stateRead{}}
	ev.low = &lowerer{path: c.entry, state: state}
	sb, err := newSandbox(c, fileTimeout(o), o.Root)
	if err != nil {
		ev.problems = append(ev.problems, ir.Problem{Span: ir.Span{Path: c.entry, Line: 1, EndLine: 1}, Message: err.Error()})
		return ev
	}
	defer sb.close()
	ev.sb = sb
	sb.onRecord = ev.record
	sb.stateRead = func(r stateRead) {
		ev.dynamic = true
		if ev.inDir {
			ev.readIn[ev.dir] = append(ev.readIn[ev.dir], r)
		} else {
			ev.readAtLoad = true
		}
	}
	if state != nil {
		sb.answers = &stateAnswer{low: ev.low}
	}
	exports, err := sb.runModule()
	if err != nil {
		at := sb.errorPos(err)
		ev.problems = append(ev.problems, ir.Problem{Span: ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line}, Message: "the migration module failed to load: " + errorText(err)})
		return ev
	}
	vm := sb.vm
	var upFn, downFn goja.Callable
	err = sb.try(func() {
		var holders []*goja.Object
		if exports != nil && !goja.IsUndefined(exports) && !goja.IsNull(exports) {
			eo := exports.ToObject(vm)
			holders = append(holders, eo)
			if d := eo.Get("default"); d != nil && !goja.IsUndefined(d) && !goja.IsNull(d) {
				if do, ok := d.(*goja.Object); ok {
					holders = append(holders, do)
				}
			}
		}
		find := func(name string) (goja.Callable, goja.Value) {
			for _, h := range holders {
				v := h.Get(name)
				if fn, ok := goja.AssertFunction(v); ok {
					return fn, v
				}
			}
			return nil, nil
		}
		var upVal goja.Value
		upFn, upVal = find("up")
		downFn, _ = find("down")
		if upVal != nil && destructuresContext(vm, upVal) {
			ev.umzug = true
		}
	})
	if err != nil {
		at := sb.errorPos(err)
		ev.problems = append(ev.problems, ir.Problem{Span: ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line}, Message: "reading the migration's exports failed: " + errorText(err)})
		return ev
	}
	ev.hasDown = downFn != nil
	mk, _ := goja.AssertFunction(sb.g.Get("makeQueryInterface"))
	seq := sb.g.Get("Sequelize")
	var qi goja.Value
	for _, dir := range dirs {
		fn := upFn
		if dir == ir.Down {
			fn = downFn
		}
		if fn == nil {
			if dir == ir.Up && len(dirs) > 1 {
				ev.problems = append(ev.problems, ir.Problem{Span: ir.Span{Path: c.entry, Line: 1, EndLine: 1}, Message: "the migration exports no up function"})
			}
			continue
		}
		ev.dir, ev.inDir = dir, true
		if qi == nil {
			info := vm.NewObject()
			_ = info.Set("name", path.Base(c.entry))
			_ = info.Set("path", c.entry)
			q, err := mk(goja.Undefined(), info)
			if err != nil {
				ev.problems = append(ev.problems, ir.Problem{Span: ir.Span{Path: c.entry, Line: 1, EndLine: 1}, Message: "sandbox error: " + errorText(err)})
				return ev
			}
			qi = q
		}
		if _, err := sb.call(fn, goja.Undefined(), qi, seq); err != nil {
			at := sb.errorPos(err)
			if err == errPending {
				at = srcPos{Path: c.entry, Line: 1}
				if n := len(ev.ops[dir]); n > 0 {
					last := ev.ops[dir][n-1].Span
					at = srcPos{Path: last.Path, Line: last.Line}
				}
			}
			ev.ops[dir] = append(ev.ops[dir], ir.Op{
				Span:        ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line},
				Origin:      "sequelize",
				NotAnalyzed: fmt.Sprintf("%s did not complete: %s; operations after this point were not analysed", dir, errorText(err)),
			})
			if isFatal(err) {
				return ev
			}
		}
	}
	return ev
}

// isFatal reports whether the runtime can no longer be used (interrupted).
func isFatal(err error) bool {
	_, ok := err.(*goja.InterruptedError)
	return ok
}

var destructRe = regexp.MustCompile(`^\s*(async\s*)?(function\s*\*?\s*[\w$]*\s*)?\(\s*\{[^}]*\bcontext\b`)

// destructuresContext reports whether fn's first parameter destructures
// `context` (umzug style: async ({ context: queryInterface }) => ...).
func destructuresContext(vm *goja.Runtime, fn goja.Value) bool {
	o, ok := fn.(*goja.Object)
	if !ok {
		return false
	}
	ts, ok := goja.AssertFunction(o.Get("toString"))
	if !ok {
		return false
	}
	v, err := ts(o)
	if err != nil {
		return false
	}
	s := v.String()
	if len(s) > 400 {
		s = s[:400]
	}
	return destructRe.MatchString(s)
}

// record receives every stub record of a migration evaluation.
func (ev *migEval) record(kind string, payload goja.Value, at srcPos) goja.Value {
	switch kind {
	case "note":
		var n struct {
			What   string `json:"what"`
			Module string `json:"module"`
		}
		_ = ev.sb.vm.ExportTo(payload, &n)
		if n.What == "umzug" {
			ev.umzug = true
		}
		return goja.Undefined()
	case "op":
	default:
		return goja.Undefined()
	}
	var p opPayload
	if err := ev.sb.vm.ExportTo(payload, &p); err != nil {
		ev.ops[ev.dir] = append(ev.ops[ev.dir], ir.Op{Span: ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line}, Origin: "sequelize", NotAnalyzed: "cannot read the call's arguments: " + err.Error()})
		return goja.Undefined()
	}
	if at.Path == "" {
		at = srcPos{Path: ev.c.entry, Line: 1}
	}
	site := ev.site(at, &p)
	ops := ev.low.lower(&p, site)
	if p.Method != "query" {
		for i := range ops {
			ops[i].Attrs = withIndexAttrs(ops[i], site)
		}
	}
	ev.ops[ev.dir] = append(ev.ops[ev.dir], ops...)
	return goja.Undefined()
}

// withIndexAttrs adds "index:<name>" / "constraint:<name>" keys for keys
// the op creates, pointing at the call.
func withIndexAttrs(op ir.Op, site callSite) map[string]ir.Span {
	at, ok := op.Change.(*schema.AlterTable)
	if !ok {
		if ct, ok := op.Change.(*schema.CreateTable); ok && ct.Table != nil {
			attrs := copyAttrs(op.Attrs)
			for _, fk := range ct.Table.ForeignKeys {
				if len(fk.Columns) == 1 {
					if s, ok := attrs["column:"+fk.Columns[0]+".references"]; ok {
						attrs["constraint:"+fk.Name] = s
					}
				}
			}
			for _, ix := range ct.Table.Indexes {
				if len(ix.Parts) == 1 {
					if s, ok := attrs["column:"+ix.Parts[0].Column]; ok {
						attrs["index:"+ix.Name] = s
					}
				}
			}
			return nilIfEmpty(attrs)
		}
		return nilIfEmpty(op.Attrs)
	}
	attrs := copyAttrs(op.Attrs)
	for _, s := range at.Specs {
		switch s := s.(type) {
		case *schema.AddIndex:
			if s.Index.Name == "" {
				continue
			}
			if _, ok := attrs["index:"+s.Index.Name]; !ok {
				attrs["index:"+s.Index.Name] = site.span
			}
		case *schema.AddForeignKey:
			k := "constraint:" + s.ForeignKey.Name
			if sp, ok := attrs["references"]; ok {
				attrs[k] = sp
			} else if len(s.ForeignKey.Columns) == 1 {
				if sp, ok := attrs["column:"+s.ForeignKey.Columns[0]+".references"]; ok {
					attrs[k] = sp
				}
			}
			if _, ok := attrs[k]; !ok {
				attrs[k] = site.span
			}
		case *schema.AddCheck:
			attrs["constraint:"+s.Check.Name] = site.span
		}
	}
	return nilIfEmpty(attrs)
}

func nilIfEmpty(a map[string]ir.Span) map[string]ir.Span {
	if len(a) == 0 {
		return nil
	}
	return a
}

func copyAttrs(a map[string]ir.Span) map[string]ir.Span {
	out := make(map[string]ir.Span, len(a)+2)
	for k, v := range a {
		out[k] = v
	}
	return out
}

// site locates a recorded call and the keys of its object arguments.
func (ev *migEval) site(at srcPos, p *opPayload) callSite {
	s := callSite{span: ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line}, attrs: map[string]ir.Span{}}
	idx := ev.c.index()
	call := idx.call(at)
	if call == nil {
		return s
	}
	s.span.EndLine = idx.endLine(call, at)
	// Keys may sit in another file of the bundle (an attributes object
	// imported from a helper); their span then names that file.
	line := func(p srcPos) (ir.Span, bool) {
		if p.Path == "" || p.Line == 0 {
			return ir.Span{}, false
		}
		return ir.Span{Path: p.Path, Line: p.Line, EndLine: p.Line}, true
	}
	fieldOf := map[string]string{}
	for _, a := range p.Attrs {
		if f := sp(a.Field); f != "" {
			fieldOf[a.Name] = f
		}
	}
	switch p.Method {
	case "createTable":
		for _, k := range idx.keys(idx.object(idx.arg(call, 1))) {
			col := k.Name
			if f, ok := fieldOf[col]; ok {
				col = f
			}
			if sp, ok := line(k.Pos); ok {
				s.attrs["column:"+col] = sp
			}
			if r, ok := idx.key(idx.object(k.Value), "references"); ok {
				if sp, ok := line(r.Pos); ok {
					s.attrs["column:"+col+".references"] = sp
				}
			}
		}
	case "addColumn", "changeColumn":
		if p.Column != nil {
			if a := idx.arg(call, 1); a != nil {
				if sp, ok := line(idx.pos(a.Idx0())); ok {
					s.attrs["column:"+*p.Column] = sp
				}
			}
			if r, ok := idx.key(idx.object(idx.arg(call, 2)), "references"); ok {
				if sp, ok := line(r.Pos); ok {
					s.attrs["column:"+*p.Column+".references"] = sp
				}
			}
		}
	case "addConstraint":
		if r, ok := idx.key(idx.object(idx.arg(call, 1)), "references"); ok {
			if sp, ok := line(r.Pos); ok {
				s.attrs["references"] = sp
			}
		}
	case "query":
		if a := idx.arg(call, 0); a != nil {
			if sp, ok := line(idx.pos(a.Idx0())); ok {
				s.sqlLine = sp.Line
			}
		}
	}
	if len(s.attrs) == 0 {
		s.attrs = nil
	}
	return s
}

// stateAnswer answers describeTable, showIndex and friends from the schema
// replayed so far (including this migration's own earlier calls).
type stateAnswer struct{ low *lowerer }

func (a *stateAnswer) table(vm *goja.Runtime, name string) *schema.Table {
	t := a.low.state.Table(name)
	if t == nil {
		panic(vm.NewGoError(fmt.Errorf("No description found for %q table. Check the table name and schema; remember, they _are_ case sensitive.", name)))
	}
	return t
}

func (a *stateAnswer) describeTable(vm *goja.Runtime, name string) goja.Value {
	t := a.table(vm, name)
	out := vm.NewObject()
	pk := t.PrimaryKey()
	for _, c := range t.Columns {
		d := vm.NewObject()
		_ = d.Set("type", describeType(c.Type))
		_ = d.Set("allowNull", c.Nullable)
		switch {
		case c.Default == nil || c.Default.Null:
			_ = d.Set("defaultValue", goja.Null())
		default:
			_ = d.Set("defaultValue", c.Default.Value)
		}
		isPK := false
		if pk != nil {
			for _, p := range pk.Parts {
				if strings.EqualFold(p.Column, c.Name) {
					isPK = true
				}
			}
		}
		_ = d.Set("primaryKey", isPK)
		_ = d.Set("autoIncrement", c.AutoIncrement)
		if c.Comment != "" {
			_ = d.Set("comment", c.Comment)
		} else {
			_ = d.Set("comment", goja.Null())
		}
		_ = out.Set(c.Name, d)
	}
	return out
}

func (a *stateAnswer) showIndex(vm *goja.Runtime, name string) goja.Value {
	t := a.table(vm, name)
	list := []any{}
	for _, ix := range t.Indexes {
		fields := []any{}
		for _, p := range ix.Parts {
			order := "ASC"
			if p.Desc {
				order = "DESC"
			}
			var length any
			if p.Length > 0 {
				length = p.Length
			}
			fields = append(fields, map[string]any{"attribute": p.Column, "length": length, "order": order})
		}
		typ := "BTREE"
		if ix.Kind != "" {
			typ = ix.Kind
		}
		list = append(list, map[string]any{"primary": ix.Primary, "fields": fields, "name": ix.Name, "tableName": t.Name, "unique": ix.Unique, "type": typ})
	}
	return vm.ToValue(list)
}

func (a *stateAnswer) foreignKeys(vm *goja.Runtime, name string) goja.Value {
	list := []any{}
	if t := a.low.state.Table(name); t != nil {
		for _, fk := range t.ForeignKeys {
			for i, c := range fk.Columns {
				ref := ""
				if i < len(fk.RefColumns) {
					ref = fk.RefColumns[i]
				}
				list = append(list, map[string]any{"constraintName": fk.Name, "constraintSchema": "database", "tableName": t.Name, "tableSchema": "database", "columnName": c, "referencedTableName": fk.RefTable, "referencedTableSchema": "database", "referencedColumnName": ref})
			}
		}
	}
	return vm.ToValue(list)
}

func (a *stateAnswer) allTables(vm *goja.Runtime) goja.Value {
	names := []any{}
	if a.low.state != nil {
		for _, t := range a.low.state.Tables {
			names = append(names, t.Name)
		}
	}
	return vm.ToValue(names)
}

// describeType renders a type the way Sequelize's MySQL describeTable
// reports it: upper case, except ENUM and SET values.
func describeType(t schema.Type) string {
	s := t.String()
	if i := strings.IndexByte(s, '('); i >= 0 && (t.Base == "enum" || t.Base == "set") {
		return strings.ToUpper(s[:i]) + s[i:]
	}
	return strings.ToUpper(s)
}
