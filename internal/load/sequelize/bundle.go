package sequelize

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// namespace is the esbuild namespace of every repository file; source map
// sources and goja stack positions carry it as "guardian:<repo path>".
const namespace = "guardian"

const nsPrefix = namespace + ":"

// supported switches off the syntax goja cannot run; esbuild lowers it.
var supported = map[string]bool{"async-generator": false, "for-await": false, "dynamic-import": false}

// resolveExts is the order in which extension-less local imports are tried.
var resolveExts = []string{".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx", ".mts", ".cts", ".json"}

// bundled is the result of bundling one entry file.
type bundled struct {
	Code string
	// Problems are located build errors (syntax errors, unresolved local
	// imports); Code is empty when there are any that stop the build.
	Problems []problemAt
}

// problemAt is a problem with its repository position.
type problemAt struct {
	Path    string
	Line    int
	Message string
}

// repo gives restricted access to the repository files.
type repo struct {
	root string
	read func(string) ([]byte, error)
	// paths maps tsconfig "paths" patterns to their targets.
	paths   []tsPath
	baseURL string
}

type tsPath struct {
	prefix, suffix string
	wildcard       bool
	targets        []string
}

func newRepo(o Options) *repo {
	r := &repo{root: o.Root}
	read := o.Read
	if read == nil && o.Root != "" {
		rootReal, err := filepath.EvalSymlinks(o.Root)
		if err != nil {
			rootReal = o.Root
		}
		read = func(p string) ([]byte, error) { return readUnderRoot(o.Root, rootReal, p) }
	}
	if read == nil {
		read = func(p string) ([]byte, error) { return nil, fmt.Errorf("%s: no reader configured", p) }
	}
	// Reads are cached for the whole load: every entry of a batch probes
	// the same helpers, extensions and index files.
	var cache sync.Map
	r.read = func(p string) ([]byte, error) {
		if v, ok := cache.Load(p); ok {
			c := v.(cached)
			return c.data, c.err
		}
		data, err := read(p)
		cache.Store(p, cached{data, err})
		return data, err
	}
	r.loadTsconfig()
	return r
}

type cached struct {
	data []byte
	err  error
}

// readUnderRoot reads root/p, refusing paths and symlinks that leave root.
func readUnderRoot(root, rootReal, p string) ([]byte, error) {
	clean, ok := cleanRel(p)
	if !ok {
		return nil, fmt.Errorf("%s: outside the repository", p)
	}
	full := filepath.Join(root, filepath.FromSlash(clean))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(rootReal, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return nil, fmt.Errorf("%s: symlink leaves the repository", p)
	}
	st, err := os.Stat(real)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", p)
	}
	if st.Size() > 8<<20 {
		return nil, fmt.Errorf("%s: file too large (%d bytes)", p, st.Size())
	}
	return os.ReadFile(real)
}

// cleanRel cleans a repository-relative slash path; ok is false when it
// escapes the repository.
func cleanRel(p string) (string, bool) {
	p = filepath.ToSlash(p)
	if strings.HasPrefix(p, "/") {
		return "", false
	}
	c := path.Clean(p)
	if c == ".." || strings.HasPrefix(c, "../") || c == "." {
		return "", false
	}
	return c, true
}

var (
	lineComment  = regexp.MustCompile(`(?m)^\s*//.*$`)
	blockComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	trailComma   = regexp.MustCompile(`,\s*([}\]])`)
)

// loadTsconfig reads compilerOptions.baseUrl and paths from tsconfig.json.
func (r *repo) loadTsconfig() {
	data, err := r.read("tsconfig.json")
	if err != nil {
		return
	}
	s := blockComment.ReplaceAllString(string(data), "")
	s = lineComment.ReplaceAllString(s, "")
	s = trailComma.ReplaceAllString(s, "$1")
	var cfg struct {
		CompilerOptions struct {
			BaseURL string              `json:"baseUrl"`
			Paths   map[string][]string `json:"paths"`
		} `json:"compilerOptions"`
	}
	if json.Unmarshal([]byte(s), &cfg) != nil {
		return
	}
	r.baseURL = cfg.CompilerOptions.BaseURL
	for pat, targets := range cfg.CompilerOptions.Paths {
		tp := tsPath{targets: targets}
		if i := strings.Index(pat, "*"); i >= 0 {
			tp.prefix, tp.suffix, tp.wildcard = pat[:i], pat[i+1:], true
		} else {
			tp.prefix = pat
		}
		r.paths = append(r.paths, tp)
	}
}

// exists reports whether a repository file can be read.
func (r *repo) exists(p string) bool {
	_, err := r.read(p)
	return err == nil
}

// resolveFile tries p as a file, with extensions, and as a directory index.
func (r *repo) resolveFile(p string) (string, bool) {
	c, ok := cleanRel(p)
	if !ok {
		return "", false
	}
	if ext := path.Ext(c); ext != "" && r.exists(c) {
		return c, true
	}
	// TypeScript sources import "./x.js" meaning "./x.ts".
	if strings.HasSuffix(c, ".js") {
		base := strings.TrimSuffix(c, ".js")
		for _, e := range []string{".ts", ".tsx"} {
			if r.exists(base + e) {
				return base + e, true
			}
		}
	}
	for _, e := range resolveExts {
		if r.exists(c + e) {
			return c + e, true
		}
	}
	for _, e := range resolveExts {
		if r.exists(c + "/index" + e) {
			return c + "/index" + e, true
		}
	}
	return "", false
}

// resolve maps an import specifier to a repository path. local is false
// for packages; ok is false for a local import that cannot be resolved.
func (r *repo) resolve(spec, importer string) (p string, local, ok bool) {
	if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || spec == "." || spec == ".." {
		p, ok := r.resolveFile(path.Join(path.Dir(importer), spec))
		return p, true, ok
	}
	if strings.HasPrefix(spec, "/") {
		return "", true, false
	}
	for _, tp := range r.paths {
		var star string
		if tp.wildcard {
			if !strings.HasPrefix(spec, tp.prefix) || !strings.HasSuffix(spec, tp.suffix) || len(spec) < len(tp.prefix)+len(tp.suffix) {
				continue
			}
			star = spec[len(tp.prefix) : len(spec)-len(tp.suffix)]
		} else if spec != tp.prefix {
			continue
		}
		for _, t := range tp.targets {
			target := strings.Replace(t, "*", star, 1)
			if p, ok := r.resolveFile(path.Join(r.baseURL, target)); ok {
				return p, true, true
			}
		}
		return "", true, false
	}
	if r.baseURL != "" && !strings.HasPrefix(spec, "@") {
		if p, ok := r.resolveFile(path.Join(r.baseURL, spec)); ok {
			return p, true, true
		}
	}
	return "", false, true
}

func loaderFor(p string) api.Loader {
	switch path.Ext(p) {
	case ".ts", ".mts", ".cts":
		return api.LoaderTS
	case ".tsx":
		return api.LoaderTSX
	case ".jsx":
		return api.LoaderJSX
	case ".json":
		return api.LoaderJSON
	default:
		return api.LoaderJS
	}
}

// bundle bundles one entry file with its local imports into CommonJS with
// an inline source map. Only repository files are read, through r.read.
func (r *repo) bundle(entry string) (out bundled) {
	return r.bundleAs(entry, loaderFor(entry))
}

// loaderJS is the loader of files without a JS extension (.sequelizerc).
const loaderJS = api.LoaderJS

// bundleAs is bundle with an explicit loader for the entry file.
func (r *repo) bundleAs(entry string, entryLoader api.Loader) (out bundled) {
	defer func() {
		if v := recover(); v != nil {
			out = bundled{Problems: []problemAt{{Path: entry, Line: 1, Message: fmt.Sprintf("bundling failed: %v", v)}}}
		}
	}()
	res, unresolved := r.build([]string{entry}, map[string]api.Loader{entry: entryLoader})
	for _, e := range res.Errors {
		out.Problems = append(out.Problems, buildProblem(entry, e))
	}
	out.Problems = append(out.Problems, unresolved...)
	if len(res.Errors) > 0 {
		return out
	}
	for _, f := range res.OutputFiles {
		if strings.HasSuffix(f.Path, ".js") {
			out.Code = string(f.Contents)
		}
	}
	return out
}

func buildProblem(entry string, e api.Message) problemAt {
	p := problemAt{Path: entry, Line: 1, Message: e.Text}
	if e.Location != nil {
		p.Path = strings.TrimPrefix(e.Location.File, nsPrefix)
		p.Line = e.Location.Line
	}
	return p
}

// bundleMany bundles several entry files in one esbuild build, which shares
// the parsing of common local imports and esbuild's own parallelism. When
// the batch has errors (esbuild then emits nothing), each entry is bundled
// on its own so that one broken file cannot hide the others.
func (r *repo) bundleMany(entries []string) (out []bundled) {
	defer func() {
		if v := recover(); v != nil {
			out = nil
		}
	}()
	if len(entries) == 1 {
		return []bundled{r.bundle(entries[0])}
	}
	res, unresolved := r.build(entries, nil)
	if len(res.Errors) > 0 || res.Metafile == "" {
		out = make([]bundled, len(entries))
		for i, e := range entries {
			out[i] = r.bundle(e)
		}
		return out
	}
	var meta struct {
		Outputs map[string]struct {
			Inputs     map[string]json.RawMessage `json:"inputs"`
			EntryPoint string                     `json:"entryPoint"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(res.Metafile), &meta); err != nil {
		return nil
	}
	code := map[string]string{}
	for _, f := range res.OutputFiles {
		code[path.Base(f.Path)] = string(f.Contents)
	}
	out = make([]bundled, len(entries))
	for i := range entries {
		name := fmt.Sprintf("e%d.js", i)
		out[i].Code = code[name]
		for outPath, o := range meta.Outputs {
			if path.Base(outPath) != name {
				continue
			}
			for _, u := range unresolved {
				if _, ok := o.Inputs[nsPrefix+u.Path]; ok {
					out[i].Problems = append(out[i].Problems, u)
				}
			}
		}
		if out[i].Code == "" {
			out[i] = r.bundle(entries[i])
		}
	}
	return out
}

// build runs esbuild over entries with the repository plugin. loaders
// overrides the loader of given entries. It returns the located unresolved
// local imports with the result.
func (r *repo) build(entries []string, loaders map[string]api.Loader) (api.BuildResult, []problemAt) {
	var mu sync.Mutex
	var unresolved []problemAt
	plugin := api.Plugin{Name: "guardian-repo", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			if a.Kind == api.ResolveEntryPoint {
				return api.OnResolveResult{Path: a.Path, Namespace: namespace}, nil
			}
			p, local, ok := r.resolve(a.Path, a.Importer)
			if !local {
				return api.OnResolveResult{Path: a.Path, External: true}, nil
			}
			if !ok {
				// Left external: the require stub answers with an inert
				// stand-in and the problem is reported at the import line.
				u := problemAt{Path: a.Importer, Message: fmt.Sprintf("cannot resolve local import %q", a.Path), Line: r.importLine(a.Importer, a.Path)}
				mu.Lock()
				unresolved = append(unresolved, u)
				mu.Unlock()
				return api.OnResolveResult{Path: a.Path, External: true}, nil
			}
			return api.OnResolveResult{Path: p, Namespace: namespace}, nil
		})
		b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			data, err := r.read(a.Path)
			if err != nil {
				return api.OnLoadResult{}, fmt.Errorf("cannot read %s: %v", a.Path, err)
			}
			s := string(data)
			l := loaderFor(a.Path)
			if el, ok := loaders[a.Path]; ok {
				l = el
			}
			return api.OnLoadResult{Contents: &s, Loader: l}, nil
		})
	}}
	o := api.BuildOptions{
		Bundle:      true,
		Format:      api.FormatCommonJS,
		Platform:    api.PlatformNode,
		Target:      api.ESNext,
		Supported:   supported,
		Sourcemap:   api.SourceMapInline,
		Plugins:     []api.Plugin{plugin},
		Write:       false,
		LogLevel:    api.LogLevelSilent,
		TsconfigRaw: `{"compilerOptions":{"experimentalDecorators":true,"useDefineForClassFields":false}}`,
		Charset:     api.CharsetUTF8,
		// Model names come from class names; keep them through renaming.
		KeepNames: true,
	}
	if len(entries) == 1 {
		o.EntryPoints = entries
		o.Outfile = "bundle.js"
	} else {
		for i, e := range entries {
			o.EntryPointsAdvanced = append(o.EntryPointsAdvanced, api.EntryPoint{InputPath: e, OutputPath: fmt.Sprintf("e%d", i)})
		}
		o.Outdir = "out"
		o.Metafile = true
	}
	res := api.Build(o)
	return res, unresolved
}

// transform strips TypeScript from one file, keeping line positions through
// an inline source map; used by the static scans.
func transform(p string, src []byte) (string, error) {
	res := api.Transform(string(src), api.TransformOptions{
		Loader:      loaderFor(p),
		Format:      api.FormatCommonJS,
		Target:      api.ESNext,
		Supported:   supported,
		Sourcemap:   api.SourceMapInline,
		Sourcefile:  nsPrefix + p,
		LogLevel:    api.LogLevelSilent,
		TsconfigRaw: `{"compilerOptions":{"experimentalDecorators":true}}`,
	})
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		line := 1
		if e.Location != nil {
			line = e.Location.Line
		}
		return "", &lineError{line: line, msg: e.Text}
	}
	return string(res.Code), nil
}

// lineError is an error at a line of the file being read.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// importLine finds the line of importer that names spec in quotes.
func (r *repo) importLine(importer, spec string) int {
	data, err := r.read(importer)
	if err != nil {
		return 1
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "'"+spec+"'") || strings.Contains(l, "\""+spec+"\"") || strings.Contains(l, "`"+spec+"`") {
			return i + 1
		}
	}
	return 1
}
