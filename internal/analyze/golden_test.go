package analyze_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/testutil"
)

var only = flag.String("rule", "", "run the golden cases of this rule only")

// rulesDir holds one folder per rule code, each with one or more case
// folders. A case folder is a small repository scanned whole; a case
// folder with base/ and head/ is scanned as the change base...head.
const rulesDir = "../../testdata/rules"

// wantRE finds expectations in comments: `-- want FK101 "regexp"`,
// `// want FK101 "regexp"`, several per line allowed.
var (
	wantRE = regexp.MustCompile(`(?:--|//|#|/\*)\s*want\s+(.*)$`)
	pairRE = regexp.MustCompile(`([A-Z]{2}\d{3})\s+("(?:[^"\\]|\\.)*")`)
)

type want struct {
	path, code string
	line       int
	re         *regexp.Regexp
	matched    bool
}

// TestGolden runs every rule's golden cases: each expected finding must be
// reported on its line with a matching message, and no finding of the
// rules the case is about may be reported anywhere else. GD101 and ER101
// are always checked, so a case whose input the guardian cannot read or
// replay fails loudly.
func TestGolden(t *testing.T) {
	codes, err := os.ReadDir(rulesDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range codes {
		if !c.IsDir() || (*only != "" && c.Name() != *only) {
			continue
		}
		code := c.Name()
		cases, err := os.ReadDir(filepath.Join(rulesDir, code))
		if err != nil {
			t.Fatal(err)
		}
		for _, cs := range cases {
			if !cs.IsDir() {
				continue
			}
			dir := filepath.Join(rulesDir, code, cs.Name())
			t.Run(code+"/"+cs.Name(), func(t *testing.T) {
				t.Parallel()
				runCase(t, code, dir)
			})
		}
	}
}

func runCase(t *testing.T, code, dir string) {
	opts := scan.Options{Repo: dir}
	head := dir
	if isDir(filepath.Join(dir, "base")) && isDir(filepath.Join(dir, "head")) {
		head = filepath.Join(dir, "head")
		opts.Repo, opts.Base = gitRepo(t, filepath.Join(dir, "base"), head)
	}
	never := analyze.Never
	opts.FailOn = &never
	res, err := scan.Run(context.Background(), opts)
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	wants := readWants(t, head)
	interest := map[string]bool{code: true, "GD101": true, "ER101": true}
	for _, w := range wants {
		interest[w.code] = true
	}
	for _, f := range res.Findings {
		if !interest[f.Rule] {
			continue
		}
		ok := false
		for _, w := range wants {
			if !w.matched && w.path == f.Path && w.line == f.Line && w.code == f.Rule && w.re.MatchString(f.Message) {
				w.matched, ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("%s:%d: unexpected %s %s: %s", f.Path, f.Line, f.Rule, f.Severity, f.Message)
		}
	}
	for _, w := range wants {
		if !w.matched {
			t.Errorf("%s:%d: missing %s matching %q", w.path, w.line, w.code, w.re)
		}
	}
}

func readWants(t *testing.T, root string) []*want {
	var out []*want
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		for i, line := range strings.Split(string(data), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			pairs := pairRE.FindAllStringSubmatch(m[1], -1)
			if len(pairs) == 0 {
				t.Fatalf("%s:%d: malformed want comment", rel, i+1)
			}
			for _, pr := range pairs {
				pat, err := strconv.Unquote(pr[2])
				if err != nil {
					t.Fatalf("%s:%d: %v", rel, i+1, err)
				}
				out = append(out, &want{path: filepath.ToSlash(rel), line: i + 1, code: pr[1], re: regexp.MustCompile(pat)})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].path < out[j].path || out[i].path == out[j].path && out[i].line < out[j].line
	})
	return out
}

// gitRepo builds a repository whose first commit is base and second commit
// is head, and returns its directory and the base revision.
func gitRepo(t *testing.T, base, head string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	run := func(args ...string) string { return testutil.Git(t, dir, args...) }
	run("init", "-q", "-b", "main")
	copyTree(t, base, dir)
	run("add", "-A")
	run("commit", "-q", "--allow-empty", "-m", "base")
	rev := run("rev-parse", "HEAD")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != ".git" {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	copyTree(t, head, dir)
	run("add", "-A")
	run("commit", "-q", "--allow-empty", "-m", "head")
	return dir, rev
}

func copyTree(t *testing.T, from, to string) {
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// TestRegistry fails on a rule without its doc or golden testdata, and on
// duplicate codes or names.
func TestRegistry(t *testing.T) {
	sections := []string{"## Why it matters", "## Bad", "## Good", "## How to suppress"}
	for _, r := range analyze.All() {
		t.Run(r.Code, func(t *testing.T) {
			if r.Title == "" {
				t.Error("no title")
			}
			if r.Doc == "" {
				t.Fatalf("no doc: write internal/analyze/docs/%s.md", r.Code)
			}
			if !strings.HasPrefix(r.Doc, fmt.Sprintf("# %s %s\n", r.Code, r.Name)) {
				t.Errorf("doc must start with %q", fmt.Sprintf("# %s %s", r.Code, r.Name))
			}
			for _, s := range sections {
				if !strings.Contains(r.Doc, s) {
					t.Errorf("doc lacks the section %q", s)
				}
			}
			var unsafe, safe bool
			dir := filepath.Join(rulesDir, r.Code)
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil
				}
				data, _ := os.ReadFile(p)
				text := string(data)
				unsafe = unsafe || regexp.MustCompile(`want\s+(?:[A-Z]{2}\d{3}\s+"(?:[^"\\]|\\.)*"\s*)*`+r.Code+`\s`).MatchString(text)
				safe = safe || regexp.MustCompile(`(?m)(?:--|//|#)\s*ok:`).MatchString(text)
				return nil
			})
			if !unsafe {
				t.Errorf("no golden case: %s needs a file with `want %s \"…\"`", dir, r.Code)
			}
			if !safe {
				t.Errorf("no safe look-alike: %s needs a case marked with an `ok:` comment that must stay silent", dir)
			}
		})
	}
	dup := []*analyze.Rule{{Code: "FK101", Name: "a"}, {Code: "FK101", Name: "b"}}
	if err := analyze.Validate(dup); err == nil {
		t.Error("Validate accepted a duplicate code")
	}
	dupName := []*analyze.Rule{{Code: "FK101", Name: "a"}, {Code: "FK102", Name: "a"}}
	if err := analyze.Validate(dupName); err == nil {
		t.Error("Validate accepted a duplicate name")
	}
}
