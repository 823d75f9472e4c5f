package comment

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/schemaview"
	"github.com/migration-guardian/guardian/internal/sources"
	"github.com/migration-guardian/guardian/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// demoRepo builds a git repository from testdata/sample whose HEAD~1 lacks
// the sample's last three migrations (in replay order, every file of each)
// and whose HEAD adds them: the sample's demo change.
func demoRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	src, err := filepath.Abs("../../testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatalf("copy sample: %v", err)
	}
	never := analyze.Never
	whole, err := scan.Run(context.Background(), scan.Options{Repo: dir, FailOn: &never})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Steps) < 4 {
		t.Fatalf("the sample has %d migrations, want at least 4", len(whole.Steps))
	}
	held := map[string][]byte{}
	for _, st := range whole.Steps[len(whole.Steps)-3:] {
		for _, p := range append(append([]string{}, st.Migration.Paths...), st.Migration.Path, st.Migration.DownPath) {
			if p == "" || held[p] != nil {
				continue
			}
			full := filepath.Join(dir, filepath.FromSlash(p))
			b, err := os.ReadFile(full)
			if err != nil {
				t.Fatalf("sample lacks %s: %v", p, err)
			}
			held[p] = b
			if err := os.Remove(full); err != nil {
				t.Fatal(err)
			}
		}
	}
	git := func(args ...string) { testutil.Git(t, dir, args...) }
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	for p, b := range held {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("add", "-A")
	git("commit", "-q", "-m", "head")
	return dir
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), []byte(got), *update)
}

func TestSchemaDiffDemoChange(t *testing.T) {
	dir := demoRepo(t)
	never := analyze.Never
	res, err := scan.Run(context.Background(), scan.Options{Repo: dir, Base: "HEAD~1", FailOn: &never})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	got := SchemaDiff(res)
	checkGolden(t, "schemadiff_demo.golden", got)

	full := Markdown(res)
	diagram := ""
	if _, rest, ok := strings.Cut(got, "```mermaid\n"); ok {
		diagram, _, _ = strings.Cut(rest, "```")
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"section in the summary", strings.Contains(full, got) && strings.Contains(full, "### Schema changes")},
		{"one heading per touched table", strings.Count(got, "\n#### `") == strings.Count(strings.SplitN(got, "\n\n", 3)[1], "` (")},
		{"diagram drawn", diagram != ""},
		{"diagram is valid mermaid", schemaview.CheckMermaid(diagram) == nil},
		{"changes marked in the diagram", strings.Contains(diagram, `"NEW"`) || strings.Contains(diagram, `"CHANGED`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.ok {
				t.Errorf("failed on:\n%s", got)
			}
		})
	}
}

// wideChange is a change whose judged migration creates tables tables of
// cols columns each.
func wideChange(tables, cols int) *scan.Result {
	after := &schema.Schema{}
	for i := 0; i < tables; i++ {
		t := &schema.Table{Name: fmt.Sprintf("t%02d", i)}
		for j := 0; j < cols; j++ {
			t.Columns = append(t.Columns, &schema.Column{Name: fmt.Sprintf("c%03d", j), Type: schema.Type{Base: "int"}, Nullable: true})
		}
		after.Tables = append(after.Tables, t)
	}
	return &scan.Result{
		Change: &sources.Change{Base: "b", Head: "h"},
		Steps: []*replay.Step{{
			Migration: &ir.Migration{Path: "db/migrations/001_x.up.sql"},
			Judged:    true,
			Before:    &schema.Schema{},
			After:     after,
		}},
	}
}

// wideChangeLong is wideChange with long column comments, so that each
// row is long.
func wideChangeLong(tables, cols int) *scan.Result {
	r := wideChange(tables, cols)
	for _, t := range r.Steps[0].After.Tables {
		for _, c := range t.Columns {
			c.Comment = strings.Repeat("a long comment ", 30)
		}
	}
	return r
}

func TestSchemaDiffLimits(t *testing.T) {
	tests := []struct {
		name    string
		res     *scan.Result
		want    []string
		notWant []string
		maxLen  int
	}{
		{"whole repository: no section", &scan.Result{Steps: wideChange(1, 1).Steps}, nil, []string{"Schema changes"}, 0},
		{"no judged migration", &scan.Result{Change: &sources.Change{}, Steps: []*replay.Step{{Before: &schema.Schema{}, After: &schema.Schema{}}}}, nil, []string{"Schema changes"}, 0},
		{"unchanged schema", &scan.Result{Change: &sources.Change{}, Steps: []*replay.Step{{Migration: &ir.Migration{Path: "a.sql"}, Judged: true, Before: &schema.Schema{}, After: &schema.Schema{}}}},
			[]string{"leave the schema unchanged"}, []string{"mermaid"}, 0},
		{"small diagram inline", wideChange(3, 3), []string{"**ER diagram**", "```mermaid"}, []string{"<details>"}, 0},
		{"large diagram folded", wideChange(10, 3), []string{"<details><summary>ER diagram of the 10", "```mermaid"}, nil, 0},
		{"too many tables left out", wideChange(30, 1), []string{"The ER diagram is left out: 30 tables"}, []string{"```mermaid"}, 0},
		{"too many characters left out", wideChange(5, 200), []string{"The ER diagram is left out: 5 tables"}, []string{"```mermaid"}, 0},
		{"rows capped", wideChange(5, 200), []string{"920 more schema change(s) are not listed"}, nil, 15000},
		{"characters capped", wideChangeLong(40, 3), []string{"more schema change(s) are not listed", "The ER diagram is left out: 40 tables"}, nil, 15000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SchemaDiff(tt.res)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("section lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("section has %q", w)
				}
			}
			if tt.maxLen > 0 && len(got) > tt.maxLen {
				t.Errorf("section is %d characters long, want at most %d", len(got), tt.maxLen)
			}
		})
	}
}
