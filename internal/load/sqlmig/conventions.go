package sqlmig

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/migration-guardian/guardian/internal/ir"
)

// File is one candidate SQL file: its path relative to the repository root
// (slash-separated) and its content.
type File struct {
	Path string
	Data []byte
}

// MaxFileSize is the largest file Load reads; larger files (dumps, seeds)
// give a Problem instead of operations.
const MaxFileSize = 5 << 20

// DefaultGlobs returns the path patterns (doublestar syntax) that select SQL
// migration candidates when the configuration names none. See the package
// documentation for the reasoning.
func DefaultGlobs() []string {
	return []string{
		"**/migrations/**/*.sql",
		"**/migration/**/*.sql",
		"**/migrate/**/*.sql",
		"**/db/**/*.sql",
		"**/database/**/*.sql",
		"**/sql/**/*.sql",
		"**/schema/**/*.sql",
		"**/flyway/**/*.sql",
	}
}

// Conventions, as stored in ir.Migration.Convention.
const (
	ConvGolangMigrate = "golang-migrate"
	ConvRollbackPair  = "rollback-pair"
	ConvDbmate        = "dbmate"
	ConvGoose         = "goose"
	ConvSQLMigrate    = "sql-migrate"
	ConvFlyway        = "flyway"
	ConvFlywayRepeat  = "flyway-repeatable"
	ConvPopx          = "popx"
	ConvFolder        = "folder"
	ConvPrisma        = "prisma"
	ConvShmig         = "shmig"
	ConvPlain         = "plain"
)

var (
	// 20240101120000_create_users.up.sql, 3_x.mysql.down.sql, 7.up.sql
	upDownRE = regexp.MustCompile(`(?i)^(\d+)(?:_(.*?))?(?:\.([a-z0-9]+))?\.(up|down)\.sql$`)
	// V1__init.sql, U1_1__init.sql, R__views.sql
	flywayRE = regexp.MustCompile(`^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$`)
	repeatRE = regexp.MustCompile(`^R__(.+)\.sql$`)
	// 001_init.sql, 001-init.sql, 2024-01-01-init.sql (version 2024-01-01), 7.sql
	plainRE = regexp.MustCompile(`^(\d+(?:[._-]\d+)*)(?:[_-](.*))?\.sql$`)
	// rollback counterparts: x_rollback.sql, x.rollback.sql
	rollbackRE = regexp.MustCompile(`(?i)^(.+?)[._]rollback\.sql$`)
	// folder names: 20240101_init, 3, 1.2-init
	folderRE = regexp.MustCompile(`^(\d+(?:[._-]\d+)*)(?:[_-](.*))?$`)
)

// popxDialects are the dialect infixes of popx file names; only mysql is read.
var popxDialects = map[string]bool{
	"mysql": true, "postgres": true, "sqlite3": true, "sqlite": true, "cockroach": true, "mssql": true, "all": true,
}

// group gathers the files of one migration while Load classifies them.
type group struct {
	key        string
	convention string
	version    string
	name       string
	up, down   *File
	dialectUp  bool // up came from a .mysql. file
	dialectDn  bool
	extra      []string // further paths that belong to the migration
	problems   []ir.Problem
	repeatable bool
}

// Load groups SQL files into migrations following the conventions of the
// common migration tools and parses them. The result is sorted by version
// (CompareVersions), ties broken by path; Flyway repeatable migrations come
// last. Files under node_modules, vendor or .git are ignored, as are .sql
// files whose names carry no version and no up/down markers. Load never
// fails: file-level problems are attached to the migration.
func Load(files []File) []*ir.Migration {
	groups := map[string]*group{}
	var order []*group
	get := func(key, conv, version, name string) *group {
		if g, ok := groups[key]; ok {
			return g
		}
		g := &group{key: key, convention: conv, version: version, name: name}
		groups[key] = g
		order = append(order, g)
		return g
	}
	var rollbacks []*File
	var plain []*File
	for i := range files {
		f := &files[i]
		if ignoredPath(f.Path) || !strings.HasSuffix(strings.ToLower(f.Path), ".sql") {
			continue
		}
		dir, base := path.Split(f.Path)
		lower := strings.ToLower(base)
		switch {
		case lower == "up.sql" || lower == "down.sql" || lower == "migration.sql":
			parent := path.Base(strings.TrimSuffix(dir, "/"))
			m := folderRE.FindStringSubmatch(parent)
			if m == nil {
				continue
			}
			conv := ConvFolder
			if lower == "migration.sql" {
				conv = ConvPrisma
			}
			g := get("folder:"+dir, conv, m[1], m[2])
			if lower == "down.sql" {
				g.setDown(f)
			} else {
				g.setUp(f)
			}
		case upDownRE.MatchString(base):
			m := upDownRE.FindStringSubmatch(base)
			version, name, dialect, dirn := m[1], m[2], strings.ToLower(m[3]), strings.ToLower(m[4])
			if dialect != "" && !popxDialects[dialect] {
				// "3_add.users.up.sql": the dot belongs to the name.
				name, dialect = name+"."+m[3], ""
			}
			if dialect != "" && dialect != "mysql" {
				continue
			}
			conv := ConvGolangMigrate
			if dialect == "mysql" {
				conv = ConvPopx
			}
			g := get("updown:"+dir+version+"_"+name, conv, version, name)
			if dialect == "mysql" {
				g.convention = ConvPopx
			}
			g.setDialect(f, dirn == "down", dialect == "mysql")
		case flywayRE.MatchString(base):
			m := flywayRE.FindStringSubmatch(base)
			version := strings.ReplaceAll(m[2], "_", ".")
			if m[1] == "U" {
				// attached to the V file after the loop
				g := get("flyway-undo:"+dir+version, ConvFlyway, version, m[3])
				g.setDown(f)
				continue
			}
			g := get("flyway:"+dir+version+"__"+m[3], ConvFlyway, version, m[3])
			g.setUp(f)
		case repeatRE.MatchString(base):
			m := repeatRE.FindStringSubmatch(base)
			g := get("flyway-r:"+f.Path, ConvFlywayRepeat, "", m[1])
			g.repeatable = true
			g.setUp(f)
		case rollbackRE.MatchString(base):
			rollbacks = append(rollbacks, f)
		default:
			plain = append(plain, f)
		}
	}
	// Plain files: markers inside, or a rollback counterpart, or nothing.
	for _, f := range plain {
		dir, base := path.Split(f.Path)
		m := plainRE.FindStringSubmatch(base)
		conv := markerConvention(f.Data)
		if m == nil && conv == "" {
			continue
		}
		version, name := "", strings.TrimSuffix(base, path.Ext(base))
		if m != nil {
			version, name = m[1], m[2]
		}
		if conv == "" {
			conv = ConvPlain
		}
		g := get("plain:"+strings.ToLower(dir+strings.TrimSuffix(base, path.Ext(base))), conv, version, name)
		g.setUp(f)
	}
	for _, f := range rollbacks {
		dir, base := path.Split(f.Path)
		stem := rollbackRE.FindStringSubmatch(base)[1]
		key := "plain:" + strings.ToLower(dir+stem)
		g, ok := groups[key]
		if !ok {
			version, name := "", stem
			if m := folderRE.FindStringSubmatch(stem); m != nil {
				version, name = m[1], m[2]
			}
			g = get(key, ConvRollbackPair, version, name)
			g.problems = append(g.problems, ir.Problem{Span: ir.Span{Path: f.Path, Line: 1, EndLine: 1},
				Message: "rollback file without the migration it undoes"})
		}
		if g.convention == ConvPlain {
			g.convention = ConvRollbackPair
		}
		g.setDown(f)
	}
	// Flyway undo files join their versioned migration.
	for _, g := range order {
		if !strings.HasPrefix(g.key, "flyway-undo:") {
			continue
		}
		dir := path.Dir(g.down.Path)
		for _, v := range order {
			if strings.HasPrefix(v.key, "flyway:") && v.up != nil && v.down == nil && v.version == g.version && path.Dir(v.up.Path) == dir {
				v.down = g.down
				g.down = nil
				break
			}
		}
		if g.down != nil {
			g.key = "flyway:" + g.key
			g.problems = append(g.problems, ir.Problem{Span: ir.Span{Path: g.down.Path, Line: 1, EndLine: 1},
				Message: "Flyway undo file without a versioned migration of the same version"})
		}
	}
	// popx directories: the dialect-neutral files there are popx too.
	popxDirs := map[string]bool{}
	for _, g := range order {
		if g.convention == ConvPopx && g.up != nil {
			popxDirs[path.Dir(g.up.Path)] = true
		}
	}
	for _, g := range order {
		if g.convention == ConvGolangMigrate && g.up != nil && popxDirs[path.Dir(g.up.Path)] {
			g.convention = ConvPopx
		}
	}
	var out, repeatable []*ir.Migration
	for _, g := range order {
		if g.up == nil && g.down == nil {
			continue
		}
		m := g.build()
		if g.repeatable {
			repeatable = append(repeatable, m)
		} else {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := CompareVersions(out[i].Version, out[j].Version); c != 0 {
			return c < 0
		}
		return out[i].Path < out[j].Path
	})
	sort.SliceStable(repeatable, func(i, j int) bool { return repeatable[i].Path < repeatable[j].Path })
	return append(out, repeatable...)
}

func (g *group) setUp(f *File) {
	if g.up != nil {
		g.extra = append(g.extra, f.Path)
		return
	}
	g.up = f
}

func (g *group) setDown(f *File) {
	if g.down != nil {
		g.extra = append(g.extra, f.Path)
		return
	}
	g.down = f
}

// setDialect stores a golang-migrate or popx file; a .mysql. file replaces
// the dialect-neutral one of the same direction (popx precedence).
func (g *group) setDialect(f *File, down, mysql bool) {
	slot, isDialect := &g.up, &g.dialectUp
	if down {
		slot, isDialect = &g.down, &g.dialectDn
	}
	switch {
	case *slot == nil:
		*slot, *isDialect = f, mysql
	case mysql && !*isDialect:
		*slot, *isDialect = f, true
	case !mysql && *isDialect:
		// the neutral file is shadowed by the mysql one: not read
	default:
		g.extra = append(g.extra, f.Path)
		g.problems = append(g.problems, ir.Problem{Span: ir.Span{Path: f.Path, Line: 1, EndLine: 1},
			Message: fmt.Sprintf("second %s file for migration %s; it is not read", map[bool]string{true: "down", false: "up"}[down], g.version)})
	}
}

// build parses the files of a group into a migration.
func (g *group) build() (m *ir.Migration) {
	m = &ir.Migration{Version: g.version, Name: g.name, Kind: "sql", Convention: g.convention}
	defer func() {
		if r := recover(); r != nil {
			m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: m.Path, Line: 1, EndLine: 1},
				Message: fmt.Sprintf("migration could not be loaded (internal error: %v)", r)})
		}
	}()
	m.Problems = append(m.Problems, g.problems...)
	if g.up != nil {
		m.Path = g.up.Path
		m.Paths = append(m.Paths, g.up.Path)
	}
	if g.down != nil {
		if m.Path == "" {
			m.Path = g.down.Path
		}
		m.DownPath = g.down.Path
		m.Paths = append(m.Paths, g.down.Path)
	}
	m.Paths = append(m.Paths, g.extra...)
	if g.up != nil {
		if data, ok := readable(g.up, m); ok {
			switch conv := markerConvention(data); {
			case conv != "" && g.down == nil:
				m.Convention = conv
				sectioned(m, g.up.Path, data)
			default:
				m.Up = ParseStatements(g.up.Path, data, 1)
			}
		}
	}
	if g.down != nil {
		m.HasDown = true
		m.DownSpan = ir.Span{Path: g.down.Path, Line: 1, EndLine: 1}
		if data, ok := readable(g.down, m); ok {
			m.Down = ParseStatements(g.down.Path, data, 1)
		}
	}
	return m
}

// readable checks size and encoding; it reports false when the file must
// not be parsed.
func readable(f *File, m *ir.Migration) ([]byte, bool) {
	if len(f.Data) > MaxFileSize {
		m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: f.Path, Line: 1, EndLine: 1},
			Message: fmt.Sprintf("file is %d bytes, over the %d MiB limit; it was not analysed", len(f.Data), MaxFileSize>>20)})
		return nil, false
	}
	if !utf8.Valid(f.Data) {
		line := 1
		for i := 0; i < len(f.Data); {
			r, size := utf8.DecodeRune(f.Data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line++
			}
			i += size
		}
		m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: f.Path, Line: line, EndLine: line},
			Message: "file is not valid UTF-8; its statements were read byte by byte"})
	}
	return f.Data, true
}

// marker is an up/down section marker of dbmate, goose, sql-migrate or shmig.
type marker struct {
	convention string
	down       bool
	line       int // 1-based
	start, end int // byte range of the marker line, newline included
}

// markers finds the section markers of a file.
func markers(data []byte) []marker {
	var out []marker
	line := 1
	for off := 0; off < len(data); line++ {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		text := strings.TrimSpace(string(data[off:next]))
		if strings.HasPrefix(text, "--") {
			if conv, down, ok := parseMarker(text[2:]); ok {
				out = append(out, marker{convention: conv, down: down, line: line, start: off, end: next})
			}
		}
		off = next
	}
	return out
}

// parseMarker recognises the text after "--" of a marker line.
func parseMarker(s string) (conv string, down, ok bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", false, false
	}
	head := strings.ToLower(f[0])
	switch t := strings.ToUpper(strings.Join(f, " ")); t {
	case "==== UP ====", "==== DOWN ====":
		return ConvShmig, t == "==== DOWN ====", true
	}
	switch {
	case head == "migrate:up" || head == "migrate:down":
		return ConvDbmate, head == "migrate:down", true
	case (head == "+goose" || head == "+migrate") && len(f) >= 2:
		dir := strings.ToLower(f[1])
		if dir != "up" && dir != "down" {
			return "", false, false
		}
		conv := ConvGoose
		if head == "+migrate" {
			conv = ConvSQLMigrate
		}
		return conv, dir == "down", true
	}
	return "", false, false
}

// markerConvention returns the convention whose section markers the file
// uses, or "".
func markerConvention(data []byte) string {
	if !bytes.Contains(data, []byte("migrate:")) && !bytes.Contains(data, []byte("+goose")) &&
		!bytes.Contains(data, []byte("+migrate")) && !bytes.Contains(data, []byte("====")) {
		return ""
	}
	if ms := markers(data); len(ms) > 0 {
		return ms[0].convention
	}
	return ""
}

// sectioned fills Up and Down from a file with section markers. Text before
// the first marker belongs to no section; several sections of the same
// direction are concatenated in order.
func sectioned(m *ir.Migration, p string, data []byte) {
	ms := markers(data)
	for i, mk := range ms {
		end := len(data)
		if i+1 < len(ms) {
			end = ms[i+1].start
		}
		ops := ParseStatements(p, data[mk.end:end], mk.line+1)
		if mk.down {
			if !m.HasDown {
				m.HasDown = true
				m.DownSpan = ir.Span{Path: p, Line: mk.line, EndLine: mk.line}
			}
			m.Down = append(m.Down, ops...)
		} else {
			m.Up = append(m.Up, ops...)
		}
	}
	if len(ms) > 0 && ms[0].line > 1 {
		if pre := ParseStatements(p, data[:ms[0].start], 1); len(pre) > 0 {
			m.Problems = append(m.Problems, ir.Problem{Span: ir.Span{Path: p, Line: pre[0].Span.Line, EndLine: pre[len(pre)-1].Span.EndLine},
				Message: "statements before the first up/down marker belong to no section; the migration tool does not run them"})
		}
	}
}

// ignoredPath reports whether a path lies under a directory that is never
// read.
func ignoredPath(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "node_modules", "vendor", ".git":
			return true
		}
	}
	return false
}

// CompareVersions orders migration versions as the tools do: runs of digits
// compare as numbers ("2" < "10", "1.2" < "1.10", "001" == "1"), '.', '_'
// and '-' are equivalent separators, other text compares byte-wise, and a
// version that is a prefix of another sorts first. The empty version sorts
// after every other. It returns -1, 0 or +1.
func CompareVersions(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if isDigit(ca) && isDigit(cb) {
			si := i
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			sj := j
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na := strings.TrimLeft(a[si:i], "0")
			nb := strings.TrimLeft(b[sj:j], "0")
			if len(na) != len(nb) {
				return sign(len(na) - len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		ca, cb = sepNorm(ca), sepNorm(cb)
		if ca != cb {
			return sign(int(ca) - int(cb))
		}
		i++
		j++
	}
	return sign((len(a) - i) - (len(b) - j))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func sepNorm(c byte) byte {
	if c == '_' || c == '-' {
		return '.'
	}
	return c
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
