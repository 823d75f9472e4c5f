package comment

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// demoMigrations are the sample repository's last three migrations: the
// demo change adds them on top of a base commit that lacks them.
var demoMigrations = []string{
	"db/migrations/006_rename_display_name.up.sql",
	"db/migrations/006_rename_display_name.down.sql",
	"db/migrations/007_create_coupons.up.sql",
	"db/migrations/008_drop_legacy_column.up.sql",
	"db/migrations/008_drop_legacy_column.down.sql",
}

// demoRepo builds a git repository from testdata/sample whose HEAD~1 lacks
// demoMigrations and whose HEAD adds them.
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
	held := map[string][]byte{}
	for _, p := range demoMigrations {
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
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
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
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
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
	tests := []struct {
		name, want string
	}{
		{"section in the summary", "### Schema changes"},
		{"rename", "column `display_name` → `full_name`"},
		{"new table", "`coupons` (new)"},
		{"diagram", "```mermaid\nerDiagram\n"},
		{"dropped column marked", `enum status "DROPPED"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(full, tt.want) {
				t.Errorf("summary lacks %q", tt.want)
			}
		})
	}
}
