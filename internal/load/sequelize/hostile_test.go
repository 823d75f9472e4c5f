package sequelize

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/migration-guardian/guardian/internal/ir"
)

func memOptions(files map[string]string, timeout time.Duration) Options {
	return Options{Timeout: timeout, Read: func(p string) ([]byte, error) {
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, os.ErrNotExist
	}}
}

const goodMigration = `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'ok', { type: Sequelize.BOOLEAN });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'ok');
  },
};
`

// firstIssue returns the first problem or NotAnalyzed op of a migration.
func firstIssue(m *ir.Migration) (ir.Span, string) {
	if len(m.Problems) > 0 {
		return m.Problems[0].Span, m.Problems[0].Message
	}
	for _, op := range append(append([]ir.Op(nil), m.Up...), m.Down...) {
		if op.NotAnalyzed != "" {
			return op.Span, op.NotAnalyzed
		}
	}
	return ir.Span{}, ""
}

func TestHostileInputs(t *testing.T) {
	marker := t.TempDir() + "/pwned"
	tests := []struct {
		name string
		src  string
		line int
		want string // substring of the problem
	}{
		{"endless loop", "module.exports = {\n  up() {\n    let i = 0;\n    for (;;) { i++; }\n  },\n};\n", 4, "time limit exceeded"},
		{"loop after await", "module.exports = {\n  async up(qi) {\n    await qi.addColumn('a', 'b', { type: 'INT' });\n    let n = 0;\n    while (true) { n += 1; }\n  },\n};\n", 5, "time limit exceeded"},
		{"module level loop", "let i = 0;\nwhile (true) { i++; }\nmodule.exports = {};\n", 2, "time limit exceeded"},
		{"deep recursion", "function f(n) { return f(n + 1) + 1; }\nmodule.exports = {\n  up() {\n    return f(0);\n  },\n};\n", 1, "Maximum call stack size exceeded"},
		{"huge string", "module.exports = {\n  up() {\n    const s = 'x'.repeat(2 ** 30);\n    return s.length;\n  },\n};\n", 3, "allocation refused"},
		{"huge typed array", "module.exports = {\n  up() {\n    return new Uint8Array(2 ** 31).length;\n  },\n};\n", 3, "allocation refused"},
		{"growing heap", "module.exports = {\n  up() {\n    const keep = [];\n    for (;;) keep.push(new Array(100000).fill(1));\n  },\n};\n", 4, "exceeded"},
		{"require fs", "const fs = require('fs');\nmodule.exports = {\n  up() {\n    const s = fs.readFileSync('/etc/passwd', 'utf8');\n    if (typeof s === 'string' && s.includes('root:')) throw new Error('LEAK');\n    throw new Error('no fs: ' + typeof s);\n  },\n};\n", 6, "no fs: function"},
		{"child_process", "const cp = require('child_process');\nmodule.exports = {\n  up() {\n    cp.execSync('touch " + marker + "');\n    throw new Error('still here');\n  },\n};\n", 5, "still here"},
		{"process.exit", "module.exports = {\n  up() {\n    process.exit(1);\n  },\n};\n", 3, "process.exit() is not available"},
		{"syntax error", "module.exports = {\n  up( {\n};\n", 3, "Expected"},
		{"unresolved import", "const helper = require('./missing-helper');\nmodule.exports = { up() {} };\n", 1, "cannot resolve local import \"./missing-helper\""},
		{"thrown error", "module.exports = {\n  up() {\n    throw new Error('boom');\n  },\n};\n", 3, "boom"},
		{"rejected promise", "module.exports = {\n  async up() {\n    await Promise.resolve();\n    await Promise.reject(new Error('nope'));\n  },\n};\n", 4, "nope"},
		{"never settles", "module.exports = {\n  up() {\n    return new Promise(() => {});\n  },\n};\n", 1, "never settled"},
		{"looping getter", "module.exports = {\n  get up() {\n    let i = 0;\n    for (;;) { i++; }\n  },\n};\n", 4, "time limit exceeded"},
		{"throwing getter", "module.exports = {\n  get up() {\n    throw new Error('getter');\n  },\n};\n", 3, "getter"},
		{"hostile proxy exports", "module.exports = new Proxy({}, {\n  get() { throw new Error('proxy'); },\n});\n", 2, "proxy"},
		{"escaping import", "const x = require('../../etc/passwd');\nmodule.exports = { up() {} };\n", 1, "cannot resolve local import"},
	}
	files := map[string]string{}
	var paths []string
	for i, tt := range tests {
		p := "migrations/" + string(rune('a'+i)) + "-hostile.js"
		files[p] = tt.src
		paths = append(paths, p)
	}
	// globalThis tampering must not leak into the next file.
	files["migrations/y-tamper.js"] = "globalThis.Promise = undefined;\nObject.prototype.tampered = true;\nArray.prototype.push = () => { throw new Error('tampered'); };\nrequire('sequelize').DataTypes.STRING = null;\nmodule.exports = { up() {} };\n"
	files["migrations/z-good.js"] = goodMigration
	paths = append(paths, "migrations/y-tamper.js", "migrations/z-good.js")
	start := time.Now()
	ms := LoadMigrations(paths, memOptions(files, 500*time.Millisecond))
	elapsed := time.Since(start)
	if elapsed > 6*time.Second {
		t.Errorf("the batch took %v", elapsed)
	}
	byPath := map[string]*ir.Migration{}
	for _, m := range ms {
		byPath[m.Path] = m
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := byPath[paths[i]]
			span, msg := firstIssue(m)
			t.Logf("%s:%d %s", span.Path, span.Line, msg)
			if !strings.Contains(msg, tt.want) {
				t.Fatalf("problem %q does not contain %q", msg, tt.want)
			}
			if span.Path != paths[i] || span.Line != tt.line {
				t.Errorf("located at %s:%d, want %s:%d", span.Path, span.Line, paths[i], tt.line)
			}
		})
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("child_process ran a command")
	}
	t.Run("next file unaffected", func(t *testing.T) {
		m := byPath["migrations/z-good.js"]
		if _, msg := firstIssue(m); msg != "" {
			t.Fatalf("good file has a problem: %s", msg)
		}
		if len(m.Up) != 1 || m.Up[0].Span.Line != 3 || m.Up[0].Text == "" {
			t.Fatalf("good file up = %+v", m.Up)
		}
	})
}

func TestMemoryBudget(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector slows allocation too much for the heap watchdog test")
	}
	files := map[string]string{
		"migrations/a-grow.js": "module.exports = {\n  up() {\n    const keep = [];\n    for (let i = 0; ; i++) keep.push('x'.repeat(1 << 20) + i);\n  },\n};\n",
		"migrations/b-good.js": goodMigration,
	}
	start := time.Now()
	ms := LoadMigrations([]string{"migrations/a-grow.js", "migrations/b-good.js"}, memOptions(files, 10*time.Second))
	if d := time.Since(start); d > 8*time.Second {
		t.Errorf("took %v: the heap watchdog did not stop the file", d)
	}
	span, msg := firstIssue(ms[0])
	if !strings.Contains(msg, "memory budget exceeded") || span.Line != 4 {
		t.Errorf("got %s:%d %q", span.Path, span.Line, msg)
	}
	if _, msg := firstIssue(ms[1]); msg != "" {
		t.Errorf("good file: %s", msg)
	}
}

func TestReadsStayInRepository(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(outside+"/secret.js", []byte("module.exports = { secret: 42 };\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := os.MkdirAll(root+"/migrations", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside+"/secret.js", root+"/migrations/link.js"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src string
	}{
		{"symlink out", "const s = require('./link');\nmodule.exports = { up() { if (s.secret === 42) throw new Error('LEAK'); } };\n"},
		{"absolute path", "const s = require('" + outside + "/secret.js');\nmodule.exports = { up() { if (s.secret === 42) throw new Error('LEAK'); } };\n"},
		{"dot-dot path", "const s = require('../../../../../../../../.." + outside + "/secret.js');\nmodule.exports = { up() { if (s.secret === 42) throw new Error('LEAK'); } };\n"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := "migrations/" + string(rune('a'+i)) + ".js"
			if err := os.WriteFile(root+"/"+p, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			m := LoadMigrations([]string{p}, Options{Root: root})[0]
			span, msg := firstIssue(m)
			if !strings.Contains(msg, "cannot resolve local import") || span.Line != 1 {
				t.Errorf("got %s:%d %q", span.Path, span.Line, msg)
			}
			for _, op := range m.Up {
				if strings.Contains(op.NotAnalyzed, "LEAK") {
					t.Error("a file outside the repository was read")
				}
			}
		})
	}
}

func TestHostileModels(t *testing.T) {
	files := map[string]string{
		"models/a-loop.js":  "module.exports = (sequelize, DataTypes) => {\n  for (;;) { sequelize.define('X', {}); }\n};\n",
		"models/b-throw.js": "const { Model } = require('sequelize');\nclass Y extends Model {}\nthrow new Error('broken model');\n",
		"models/c-good.js":  "module.exports = (sequelize, DataTypes) => sequelize.define('Good', { name: DataTypes.STRING });\n",
	}
	models, problems := LoadModels([]string{"models/a-loop.js", "models/b-throw.js", "models/c-good.js"}, memOptions(files, 300*time.Millisecond))
	var good *ir.Model
	for _, m := range models {
		if m.Name == "Good" {
			good = m
		}
	}
	if good == nil || good.Table != "Goods" || len(good.Attributes) != 4 {
		t.Fatalf("good model = %+v", good)
	}
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%s:%d %s", p.Span.Path, p.Span.Line, p.Message))
	}
	want := []string{
		"models/a-loop.js:2 calling the model factory failed: time limit exceeded",
		"models/b-throw.js:3 the model module failed to load: Error: broken model",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
