package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/testutil"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "guardian-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "guardian")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		panic("build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GITHUB_ACTIONS=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

// TestContract checks the command-line contract of DESIGN.md: flags, exit
// statuses and the JSON keys other tools depend on.
func TestContract(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "sample")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		stdout   string // regexp
		stderr   string // regexp
	}{
		{"text report fails on critical", []string{"scan", "--repo", sample}, 1, `FK101 fk-missing-on-delete`, ``},
		{"fail-on never", []string{"scan", "--repo", sample, "--fail-on", "never"}, 0, `findings`, ``},
		{"markdown", []string{"scan", "--repo", sample, "--format", "markdown", "--fail-on", "never"}, 0, `(?s)Risk level: CRITICAL.*Production readiness.*Next actions`, ``},
		{"unknown format", []string{"scan", "--repo", sample, "--format", "xml"}, 2, ``, `unknown --format "xml"`},
		{"bad fail-on", []string{"scan", "--repo", sample, "--fail-on", "severe"}, 2, ``, `unknown severity`},
		{"missing repo", []string{"scan", "--repo", "does-not-exist"}, 2, ``, `not a directory`},
		{"bad base", []string{"scan", "--repo", sample, "--base", "no-such-rev"}, 2, ``, `base`},
		{"missing config", []string{"scan", "--repo", sample, "--config", "nope.yml"}, 2, ``, `nope.yml`},
		{"unknown command", []string{"frobnicate"}, 2, ``, `unknown command`},
		{"no command outside actions", nil, 2, ``, `Usage`},
		{"rules", []string{"rules"}, 0, `FK101\s+fk-missing-on-delete`, ``},
		{"one rule", []string{"rules", "fk-missing-on-delete"}, 0, `## Why it matters`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := run(t, ".", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, out, errOut)
			}
			if tt.stdout != "" && !regexp.MustCompile(tt.stdout).MatchString(out) {
				t.Errorf("stdout does not match %q:\n%s", tt.stdout, out)
			}
			if tt.stderr != "" && !regexp.MustCompile(tt.stderr).MatchString(errOut) {
				t.Errorf("stderr does not match %q:\n%s", tt.stderr, errOut)
			}
		})
	}
}

func TestJSONContract(t *testing.T) {
	out, errOut, code := run(t, ".", "scan", "--repo", filepath.Join("..", "..", "testdata", "sample"), "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Scope    map[string]any   `json:"scope"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(doc.Findings) == 0 {
		t.Fatal("no findings on the sample repository")
	}
	for _, k := range []string{"rule", "name", "severity", "path", "line", "end_line", "message", "in_diff"} {
		if _, ok := doc.Findings[0][k]; !ok {
			t.Errorf("finding lacks key %q: %v", k, doc.Findings[0])
		}
	}
	for _, k := range []string{"models", "migrations", "operations", "not_analyzed"} {
		if _, ok := doc.Scope[k]; !ok {
			t.Errorf("scope lacks key %q: %v", k, doc.Scope)
		}
	}
	for _, f := range doc.Findings {
		if p, _ := f["path"].(string); filepath.IsAbs(p) || strings.HasPrefix(p, "..") {
			t.Errorf("path %q is not relative to the repository root", p)
		}
	}
}

// TestBaseMode reviews a change: only migrations the change adds or
// modifies are judged, against the schema their predecessors build.
func TestBaseMode(t *testing.T) {
	dir := t.TempDir()
	git := func(args ...string) string { return testutil.Git(t, dir, args...) }
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q", "-b", "main")
	// The base has a problem (FK101) that must not be reported on the change.
	write("migrations/001_users.up.sql", "CREATE TABLE users (id INT PRIMARY KEY);\nCREATE TABLE teams (id INT PRIMARY KEY, owner INT, FOREIGN KEY (owner) REFERENCES users (id));\n")
	write("migrations/001_users.down.sql", "DROP TABLE teams;\nDROP TABLE users;\n")
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	write("migrations/002_drop.up.sql", "DROP TABLE teams;\n")
	write("migrations/002_drop.down.sql", "CREATE TABLE teams (id INT PRIMARY KEY, owner INT, FOREIGN KEY (owner) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE);\n")
	git("add", "-A")
	git("commit", "-q", "-m", "change")

	out, errOut, code := run(t, dir, "scan", "--base", "HEAD~1", "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (DS101 is critical): %s\n%s", code, errOut, out)
	}
	var doc struct {
		Findings []struct {
			Rule   string `json:"rule"`
			Path   string `json:"path"`
			Line   int    `json:"line"`
			InDiff bool   `json:"in_diff"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var rules []string
	for _, f := range doc.Findings {
		rules = append(rules, f.Rule)
		if f.Path == "migrations/001_users.up.sql" {
			t.Errorf("a migration outside the change was judged: %+v", f)
		}
		if f.Rule == "DS101" && (!f.InDiff || f.Line != 1) {
			t.Errorf("DS101 = %+v, want line 1 in the diff", f)
		}
	}
	if !strings.Contains(strings.Join(rules, ","), "DS101") {
		t.Errorf("rules = %v, want DS101 for dropping the existing table teams", rules)
	}
}

// TestDockerfile keeps the Dockerfile equivalent to the static build that CI
// tests: multi-stage, CGO_ENABLED=0, distroless/static (or scratch), no
// USER, exec-form ENTRYPOINT, and the Go version of go.mod.
func TestDockerfile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(string(mod))
	froms := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(text, -1)
	checks := []struct {
		name string
		ok   bool
	}{
		{"multi-stage", len(froms) >= 2},
		{"build stage uses go.mod's Go version", goVersion != nil && len(froms) > 0 && strings.Contains(froms[0][1], "golang:"+goVersion[1])},
		{"static build", strings.Contains(text, "CGO_ENABLED=0 go build")},
		{"final stage distroless/static or scratch", len(froms) > 0 && (strings.Contains(froms[len(froms)-1][1], "distroless/static") || froms[len(froms)-1][1] == "scratch")},
		{"no USER", !regexp.MustCompile(`(?m)^USER\b`).MatchString(text)},
		{"exec-form ENTRYPOINT", regexp.MustCompile(`(?m)^ENTRYPOINT \["/[^"]+"\]`).MatchString(text)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("Dockerfile: %s", c.name)
		}
	}
}
