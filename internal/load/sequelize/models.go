package sequelize

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

type modelPayload struct {
	How             string     `json:"how"`
	Name            string     `json:"name"`
	Attrs           []attrDesc `json:"attrs"`
	TableName       *string    `json:"tableName"`
	FreezeTableName bool       `json:"freezeTableName"`
	Underscored     bool       `json:"underscored"`
	Timestamps      bool       `json:"timestamps"`
	Paranoid        bool       `json:"paranoid"`
	CreatedAt       any        `json:"createdAt"`
	UpdatedAt       any        `json:"updatedAt"`
	DeletedAt       any        `json:"deletedAt"`
	Indexes         []struct {
		Name   *string     `json:"name"`
		Fields []fieldDesc `json:"fields"`
		Unique bool        `json:"unique"`
		Type   *string     `json:"type"`
	} `json:"indexes"`
	Extra *struct {
		Lines     map[string]string `json:"lines"`
		TableLine string            `json:"tableLine"`
	} `json:"extra"`
}

type assocPayload struct {
	Kind        string  `json:"kind"`
	Source      *string `json:"source"`
	Target      *string `json:"target"`
	TargetText  string  `json:"targetText"`
	As          *string `json:"as"`
	ForeignKey  *string `json:"foreignKey"`
	Through     *string `json:"through"`
	OnDelete    *string `json:"onDelete"`
	OnUpdate    *string `json:"onUpdate"`
	Constraints bool    `json:"constraints"`
}

type fkDecorator struct {
	Source *string `json:"source"`
	Attr   string  `json:"attr"`
	Target *string `json:"target"`
	at     srcPos
}

// modelFile is what one model file's evaluation produced.
type modelFile struct {
	models   []*ir.Model
	assocs   []ir.Association
	fks      []fkDecorator
	problems []ir.Problem
}

// LoadModels runs each model file in its own sandbox and returns the models
// it defines (Model.init, sequelize.define, factory modules called with
// (sequelize, DataTypes), sequelize-typescript classes) with their
// associations, plus the problems met. associate(models) is called once every
// model of the file's bundle has loaded; associations from any file (index
// files included) are attached to their source model by name.
func LoadModels(paths []string, o Options) ([]*ir.Model, []ir.Problem) {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	r := newRepo(o)
	dog.acquire()
	defer dog.release()
	chunks := chunked(sorted)
	done := parallel(len(chunks), func(ci int) []*modelFile {
		ps := chunks[ci]
		bs := r.bundleBatch(ps)
		out := make([]*modelFile, len(ps))
		for i, p := range ps {
			out[i] = safeLoadModelFile(r, p, bs[i], o)
		}
		return out
	}, func(ci int, v any) []*modelFile {
		var out []*modelFile
		for _, p := range chunks[ci] {
			out = append(out, internalErrorModels(p, v))
		}
		return out
	})
	var files []*modelFile
	for _, d := range done {
		files = append(files, d...)
	}
	var models []*ir.Model
	var problems []ir.Problem
	byName := map[string]*ir.Model{}
	for _, f := range files {
		problems = append(problems, f.problems...)
		for _, m := range f.models {
			if prev, ok := byName[m.Name]; ok {
				if prev.Span != m.Span {
					problems = append(problems, ir.Problem{Span: m.Span, Message: fmt.Sprintf("model %s is also defined at %s:%d; the first definition is used", m.Name, prev.Span.Path, prev.Span.Line)})
				}
				continue
			}
			byName[m.Name] = m
			models = append(models, m)
		}
	}
	// @ForeignKey(() => Target) on Source.attr names the key of the
	// associations between Source and Target (sequelize-typescript).
	fkAttr := map[[2]string]string{}
	for _, f := range files {
		for _, fk := range f.fks {
			k := [2]string{sp(fk.Source), sp(fk.Target)}
			if _, ok := fkAttr[k]; !ok {
				fkAttr[k] = fk.Attr
			}
		}
	}
	seen := map[string]bool{}
	for _, f := range files {
		for _, a := range f.assocs {
			key := fmt.Sprintf("%s|%s|%s|%s|%s|%s:%d", a.Kind, a.Source, a.Target, a.As, a.ForeignKey, a.Span.Path, a.Span.Line)
			if seen[key] {
				continue
			}
			seen[key] = true
			m := byName[a.Source]
			if m == nil {
				problems = append(problems, ir.Problem{Span: a.Span, Message: fmt.Sprintf("%s association on model %s, which no model file defines", a.Kind, a.Source)})
				continue
			}
			if a.ForeignKey == "" {
				switch a.Kind {
				case "belongsTo":
					a.ForeignKey = fkAttr[[2]string{a.Source, a.Target}]
				case "hasOne", "hasMany":
					a.ForeignKey = fkAttr[[2]string{a.Target, a.Source}]
				}
			}
			if a.ForeignKey == "" {
				a.ForeignKey = defaultForeignKey(a, m, byName[a.Target])
			}
			m.Associations = append(m.Associations, a)
		}
		for _, fk := range f.fks {
			m := byName[sp(fk.Source)]
			t := byName[sp(fk.Target)]
			if m == nil || t == nil {
				continue
			}
			for _, at := range m.Attributes {
				if at.Name == fk.Attr && at.References == nil {
					at.References = &ir.Reference{Table: t.Table, Key: "id", Constraint: true}
					for _, as := range m.Associations {
						if as.Kind == "belongsTo" && as.Target == t.Name {
							at.References.OnDelete = strings.ToUpper(as.OnDelete)
							at.References.OnUpdate = strings.ToUpper(as.OnUpdate)
							at.References.Constraint = as.Constraints
						}
					}
					if at.Attrs == nil {
						at.Attrs = map[string]ir.Span{}
					}
					if fk.at.Path != "" && fk.at.Line > 0 {
						at.Attrs["references"] = ir.Span{Path: fk.at.Path, Line: fk.at.Line, EndLine: fk.at.Line}
					} else {
						at.Attrs["references"] = at.Span
					}
				}
			}
		}
	}
	return models, problems
}

// defaultForeignKey is the foreign key attribute Sequelize v6 derives:
// belongsTo camelizes <as or target name>_<target pk>, hasOne/hasMany
// camelize <source name>_<source pk>; the models' own key names are used
// when known.
func defaultForeignKey(a ir.Association, source, target *ir.Model) string {
	pkOf := func(m *ir.Model) string {
		if m != nil {
			for _, at := range m.Attributes {
				if at.PrimaryKey {
					return at.Name
				}
			}
		}
		return "id"
	}
	switch a.Kind {
	case "belongsTo":
		name := a.As
		if name == "" {
			name = a.Target
		}
		return camelize(name + "_" + pkOf(target))
	case "hasOne", "hasMany":
		return camelize(a.Source + "_" + pkOf(source))
	}
	return ""
}

func internalErrorModels(p string, v any) *modelFile {
	return &modelFile{problems: []ir.Problem{{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: fmt.Sprintf("internal error while loading the model file: %v", v)}}}
}

// safeLoadModelFile is loadModelFile with a recover.
func safeLoadModelFile(r *repo, p string, b *bundled, o Options) (mf *modelFile) {
	defer func() {
		if v := recover(); v != nil {
			mf = internalErrorModels(p, v)
		}
	}()
	return loadModelFile(r, p, b, o)
}

// loadModelFile loads one model file; b is its bundle when it was bundled
// with its batch, nil to bundle it here.
func loadModelFile(r *repo, p string, b *bundled, o Options) *modelFile {
	mf := &modelFile{}
	clean, ok := cleanRel(p)
	if !ok {
		mf.problems = append(mf.problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: "the model path is outside the repository"})
		return mf
	}
	if b == nil {
		bb := r.bundle(clean)
		b = &bb
	}
	for _, pr := range b.Problems {
		mf.problems = append(mf.problems, ir.Problem{Span: problemSpan(pr), Message: pr.Message})
	}
	if b.Code == "" {
		return mf
	}
	c, err := compile(clean, b.Code)
	if err != nil {
		mf.problems = append(mf.problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: "the bundle does not parse: " + err.Error()})
		return mf
	}
	sb, err := newSandbox(c, fileTimeout(o), o.Root)
	if err != nil {
		mf.problems = append(mf.problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: err.Error()})
		return mf
	}
	defer sb.close()
	me := &modelEval{r: r, c: c, sb: sb, mf: mf, sources: map[string]string{}}
	sb.onRecord = me.record
	fail := func(what string, err error) {
		at := sb.errorPos(err)
		mf.problems = append(mf.problems, ir.Problem{Span: ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line}, Message: what + ": " + errorText(err)})
	}
	exports, err := sb.runModule()
	if err != nil {
		fail("the model module failed to load", err)
		return me.finish()
	}
	// Factory modules: module.exports = (sequelize, DataTypes) => {...}.
	isFactory, _ := goja.AssertFunction(sb.g.Get("isFactory"))
	seqCtor := sb.g.Get("Sequelize")
	var fns []goja.Value
	if err := sb.try(func() {
		if exports != nil && !goja.IsUndefined(exports) && !goja.IsNull(exports) {
			eo := exports.ToObject(sb.vm)
			fns = append(fns, exports)
			if d := eo.Get("default"); d != nil {
				fns = append(fns, d)
			}
			for _, k := range eo.Keys() {
				if strings.HasPrefix(k, "init") || strings.HasPrefix(k, "define") {
					fns = append(fns, eo.Get(k))
				}
			}
		}
	}); err != nil {
		fail("reading the module's exports failed", err)
		if isFatal(err) {
			return me.finish()
		}
	}
	for _, f := range fns {
		if v, err := isFactory(goja.Undefined(), f); err != nil || !v.ToBoolean() {
			if isFatal(err) {
				fail("reading the module's exports failed", err)
				return me.finish()
			}
			continue
		}
		fn, _ := goja.AssertFunction(f)
		inst, err := sb.vm.New(seqCtor)
		if err != nil {
			continue
		}
		if _, err := sb.call(fn, goja.Undefined(), inst, sb.g.Get("DataTypes")); err != nil {
			fail("calling the model factory failed", err)
			if isFatal(err) {
				return me.finish()
			}
		}
	}
	finish, _ := goja.AssertFunction(sb.g.Get("finishModels"))
	if _, err := sb.call(finish, goja.Undefined()); err != nil {
		fail("associate(models) failed", err)
	}
	return me.finish()
}

type modelEval struct {
	r       *repo
	c       *compiled
	sb      *sandbox
	mf      *modelFile
	sources map[string]string
}

func (me *modelEval) finish() *modelFile {
	for _, m := range me.mf.models {
		me.optional(m)
	}
	return me.mf
}

func (me *modelEval) source(p string) string {
	if s, ok := me.sources[p]; ok {
		return s
	}
	data, _ := me.r.read(p)
	me.sources[p] = string(data)
	return me.sources[p]
}

func (me *modelEval) record(kind string, payload goja.Value, at srcPos) goja.Value {
	vm := me.sb.vm
	switch kind {
	case "model":
		var p modelPayload
		if err := vm.ExportTo(payload, &p); err != nil {
			me.mf.problems = append(me.mf.problems, ir.Problem{Span: ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line}, Message: "cannot read the model definition: " + err.Error()})
			return goja.Undefined()
		}
		m := me.model(&p, at)
		me.mf.models = append(me.mf.models, m)
		return vm.ToValue(m.Table)
	case "assoc":
		var p assocPayload
		if err := vm.ExportTo(payload, &p); err != nil {
			return goja.Undefined()
		}
		span := ir.Span{Path: at.Path, Line: at.Line, EndLine: at.Line}
		if p.Source == nil || p.Target == nil {
			me.mf.problems = append(me.mf.problems, ir.Problem{Span: span, Message: fmt.Sprintf("%s association with a target that is not a model (%s)", p.Kind, p.TargetText)})
			return goja.Undefined()
		}
		me.mf.assocs = append(me.mf.assocs, ir.Association{
			Kind: p.Kind, Source: *p.Source, Target: *p.Target, ForeignKey: sp(p.ForeignKey), Through: sp(p.Through), As: sp(p.As),
			OnDelete: strings.ToUpper(sp(p.OnDelete)), OnUpdate: strings.ToUpper(sp(p.OnUpdate)), Constraints: p.Constraints, Span: span,
		})
	case "fkdecorator":
		var p fkDecorator
		if vm.ExportTo(payload, &p) == nil {
			p.at = at
			me.mf.fks = append(me.mf.fks, p)
		}
	}
	return goja.Undefined()
}

func parseLine(v string) srcPos {
	i := strings.IndexByte(v, 0)
	if i < 0 {
		return srcPos{}
	}
	n, _ := strconv.Atoi(v[i+1:])
	return srcPos{Path: v[:i], Line: n}
}

func spanOf(p srcPos) ir.Span {
	if p.Path == "" || p.Line == 0 {
		return ir.Span{}
	}
	return ir.Span{Path: p.Path, Line: p.Line, EndLine: p.Line}
}

// model builds an ir.Model the way Sequelize v6's Model.init completes the
// definition: table name, fields, implicit id and timestamps.
func (me *modelEval) model(p *modelPayload, at srcPos) *ir.Model {
	m := &ir.Model{Name: p.Name, Timestamps: p.Timestamps, Paranoid: p.Paranoid && p.Timestamps, Underscored: p.Underscored}
	switch {
	case p.TableName != nil && *p.TableName != "":
		m.Table = *p.TableName
	case p.FreezeTableName:
		m.Table = p.Name
	default:
		m.Table = underscoredIf(pluralize(p.Name), p.Underscored)
	}
	m.Span = spanOf(at)
	if p.Extra != nil && p.Extra.TableLine != "" {
		if s := spanOf(parseLine(p.Extra.TableLine)); s.Valid() {
			m.Span = s
		}
	}
	// Attribute and index lines from the object literals of the call.
	keyLines := map[string]ir.Span{}
	refLines := map[string]ir.Span{}
	var indexLines []ir.Span
	idx := me.c.index()
	if call := idx.call(at); call != nil {
		m.Span.EndLine = idx.endLine(call, at)
		attrArg, optArg := 0, 1
		if p.How == "define" {
			attrArg, optArg = 1, 2
		}
		for _, k := range idx.keys(idx.object(idx.arg(call, attrArg))) {
			if s := spanOf(k.Pos); s.Valid() {
				keyLines[k.Name] = s
			}
			if r, ok := idx.key(idx.object(k.Value), "references"); ok {
				if s := spanOf(r.Pos); s.Valid() {
					refLines[k.Name] = s
				}
			}
		}
		if ix, ok := idx.key(idx.object(idx.arg(call, optArg)), "indexes"); ok {
			if arr := idx.array(ix.Value); arr != nil {
				for _, e := range arr.Value {
					if e != nil {
						indexLines = append(indexLines, spanOf(idx.pos(e.Idx0())))
					}
				}
			}
		}
	}
	if p.Extra != nil {
		for k, v := range p.Extra.Lines {
			keyLines[k] = spanOf(parseLine(v))
		}
	}
	hasPK := false
	declared := map[string]bool{}
	for i := range p.Attrs {
		a := &p.Attrs[i]
		declared[a.Name] = true
		if a.PrimaryKey {
			hasPK = true
		}
	}
	switch {
	case !hasPK && declared["id"]:
		// Sequelize refuses this model: "A column called 'id' was added to
		// the attributes of '<table>' but not marked with 'primaryKey: true'".
		m.Problems = append(m.Problems, ir.Problem{Span: m.Span, Message: fmt.Sprintf("model %s declares an attribute id that is not marked primaryKey: true; Sequelize refuses the model", m.Name)})
	case !hasPK:
		m.Attributes = append(m.Attributes, &ir.Attribute{
			Name: "id", Field: "id", PrimaryKey: true, Implicit: true, Span: m.Span,
			Column: &schema.Column{Name: "id", Type: mustType("INTEGER"), AutoIncrement: true},
		})
	}
	for i := range p.Attrs {
		a := &p.Attrs[i]
		if a.Type != nil && a.Type.Key == "INFER" {
			me.inferType(a, keyLines[a.Name])
		}
		field := sp(a.Field)
		if field == "" {
			field = underscoredIf(a.Name, p.Underscored)
		}
		at := &ir.Attribute{Name: a.Name, Field: field, PrimaryKey: a.PrimaryKey, Unique: a.Unique, UniqueName: sp(a.UniqueName), HasDefault: a.HasDefault, Validate: a.Validate}
		at.Span = keyLines[a.Name]
		if !at.Span.Valid() {
			at.Span = m.Span
		}
		col, _, virtual, err := columnFrom(field, a)
		switch {
		case virtual:
			at.Virtual = true
		case err != nil:
			m.Problems = append(m.Problems, ir.Problem{Span: at.Span, Message: fmt.Sprintf("model %s, attribute %s: %v", m.Name, a.Name, err)})
		default:
			at.Column = col
		}
		if a.References != nil {
			ref := &ir.Reference{Table: sp(a.References.Table), Key: a.References.Key, OnDelete: strings.ToUpper(sp(a.OnDelete)), OnUpdate: strings.ToUpper(sp(a.OnUpdate)), Constraint: a.Constraints}
			if ref.Key == "" {
				ref.Key = "id"
			}
			at.References = ref
			if s, ok := refLines[a.Name]; ok {
				at.Attrs = map[string]ir.Span{"references": s}
			}
		}
		m.Attributes = append(m.Attributes, at)
	}
	if p.Timestamps {
		addTS := func(opt any, def string, nullable bool) {
			name := def
			switch v := opt.(type) {
			case bool:
				if !v {
					return
				}
			case string:
				if v != "" {
					name = v
				}
			}
			if declared[name] {
				return
			}
			field := underscoredIf(name, p.Underscored)
			m.Attributes = append(m.Attributes, &ir.Attribute{
				Name: name, Field: field, Implicit: true, Span: m.Span,
				Column: &schema.Column{Name: field, Type: mustType("DATETIME"), Nullable: nullable},
			})
		}
		addTS(p.CreatedAt, "createdAt", false)
		addTS(p.UpdatedAt, "updatedAt", false)
		if p.Paranoid {
			addTS(p.DeletedAt, "deletedAt", true)
		}
	}
	for i, ix := range p.Indexes {
		parts, names, err := partsOf(ix.Fields)
		_ = parts
		span := m.Span
		if i < len(indexLines) && indexLines[i].Valid() {
			span = indexLines[i]
		}
		if err != nil {
			m.Problems = append(m.Problems, ir.Problem{Span: span, Message: fmt.Sprintf("model %s, index %d: %v", m.Name, i+1, err)})
			continue
		}
		mi := ir.ModelIndex{Name: sp(ix.Name), Fields: names, Unique: ix.Unique, Span: span}
		switch strings.ToUpper(sp(ix.Type)) {
		case "UNIQUE":
			mi.Unique = true
		case "FULLTEXT", "SPATIAL":
			mi.Kind = strings.ToUpper(sp(ix.Type))
		}
		if mi.Name == "" {
			mi.Name = underscore(m.Table + "_" + strings.Join(names, "_"))
		}
		m.Indexes = append(m.Indexes, mi)
	}
	return m
}

var tsTypeMap = map[string]string{"string": "STRING", "number": "INTEGER", "boolean": "BOOLEAN", "Date": "DATE", "bigint": "BIGINT", "Buffer": "BLOB"}

// inferType does what sequelize-typescript does with reflect metadata for a
// bare @Column: it reads the property's declared TypeScript type.
func (me *modelEval) inferType(a *attrDesc, at ir.Span) {
	if !at.Valid() {
		return
	}
	src := me.source(at.Path)
	lines := strings.Split(src, "\n")
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(a.Name) + `\s*[!?]?\s*:\s*([A-Za-z_][\w]*)`)
	for i := at.Line - 1; i < len(lines) && i < at.Line+6; i++ {
		if i < 0 {
			continue
		}
		if mm := re.FindStringSubmatch(lines[i]); mm != nil {
			if k, ok := tsTypeMap[mm[1]]; ok {
				a.Type = &typeDesc{Key: k}
			}
			return
		}
	}
}

var (
	optionalAliasRe  = regexp.MustCompile(`(?:type\s+(\w+)\s*=|interface\s+(\w+)\s+extends)\s*Optional\s*<\s*[\w.]+\s*,\s*([^>]+)>`)
	optionalInlineRe = regexp.MustCompile(`class\s+(\w+)\s+extends\s+Model\s*<\s*[\w.]+\s*,\s*Optional\s*<\s*[\w.]+\s*,\s*([^>]+)>`)
	classCreationRe  = regexp.MustCompile(`class\s+(\w+)\s+extends\s+Model\s*<\s*[\w.]+\s*,\s*(\w+)\s*>`)
	anyOptionalRe    = regexp.MustCompile(`Optional\s*<\s*[\w.]+\s*,\s*([^>]+)>`)
	quotedRe         = regexp.MustCompile(`'([^']*)'|"([^"]*)"`)
)

func quotedNames(s string) []string {
	var out []string
	for _, m := range quotedRe.FindAllStringSubmatch(s, -1) {
		n := m[1] + m[2]
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// optional fills Model.Optional from the TypeScript creation-attributes
// type of the model's file: Model<Attrs, Optional<Attrs, 'a' | 'b'>>
// directly or through a type alias or interface.
func (me *modelEval) optional(m *ir.Model) {
	if !m.Span.Valid() {
		return
	}
	src := me.source(m.Span.Path)
	if !strings.Contains(src, "Optional") {
		return
	}
	aliases := map[string][]string{}
	for _, mm := range optionalAliasRe.FindAllStringSubmatch(src, -1) {
		aliases[mm[1]+mm[2]] = quotedNames(mm[3])
	}
	for _, mm := range optionalInlineRe.FindAllStringSubmatch(src, -1) {
		if mm[1] == m.Name {
			m.Optional = quotedNames(mm[2])
			return
		}
	}
	for _, mm := range classCreationRe.FindAllStringSubmatch(src, -1) {
		if mm[1] == m.Name {
			if l, ok := aliases[mm[2]]; ok {
				m.Optional = l
				return
			}
		}
	}
	if all := anyOptionalRe.FindAllStringSubmatch(src, -1); len(all) == 1 {
		m.Optional = quotedNames(all[0][1])
	}
}

// mustType parses a type Sequelize itself renders; they always parse.
func mustType(s string) schema.Type {
	t, err := schema.ParseType(s)
	if err != nil {
		return schema.Type{Base: strings.ToLower(s)}
	}
	return t
}
