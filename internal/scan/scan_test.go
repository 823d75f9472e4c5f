package scan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
)

func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func rules(res *Result) string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Rule)
	}
	return strings.Join(out, ",")
}

// TestConfigFromTree: the repository's config file applies, unless the
// caller forbids reading it from the tree (pull_request_target).
func TestConfigFromTree(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"migrations/001_a.up.sql":        "CREATE TABLE a (id INT PRIMARY KEY);\nCREATE TABLE b (id INT PRIMARY KEY, a_id INT, FOREIGN KEY (a_id) REFERENCES a (id));\n",
		"migrations/001_a.down.sql":      "DROP TABLE b;\nDROP TABLE a;\n",
		".github/migration-guardian.yml": "rules:\n  FK101: off\n",
	})
	never := analyze.Never
	tests := []struct {
		name      string
		noTree    bool
		wantFK101 bool
	}{
		{"config applies", false, false},
		{"config from the tree is ignored", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(context.Background(), Options{Repo: dir, FailOn: &never, NoTreeConfig: tt.noTree})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(rules(res), "FK101"); got != tt.wantFK101 {
				t.Errorf("FK101 reported = %v, want %v (findings %s)", got, tt.wantFK101, rules(res))
			}
		})
	}
}

func TestBadConfigIsAUsageError(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		".github/migration-guardian.yml": "rules:\n  NOPE1: off\nfail-on: critical\n",
	})
	_, err := Run(context.Background(), Options{Repo: dir})
	var ue *UsageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), `.github/migration-guardian.yml:2: rules: unknown rule "NOPE1"`) {
		t.Errorf("err = %v, want a located usage error", err)
	}
}

// TestStartAfter: migrations at or before the baseline are replayed but
// not judged.
func TestStartAfter(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"migrations/001_a.up.sql":        "CREATE TABLE a (id INT PRIMARY KEY);\n",
		"migrations/002_b.up.sql":        "CREATE TABLE b (id INT PRIMARY KEY);\n",
		".github/migration-guardian.yml": "start-after: \"1\"\n",
	})
	never := analyze.Never
	res, err := Run(context.Background(), Options{Repo: dir, FailOn: &never})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Path == "migrations/001_a.up.sql" {
			t.Errorf("a migration before the baseline was judged: %+v", f)
		}
	}
	if !strings.Contains(rules(res), "RB101") {
		t.Errorf("002 has no down and must be judged: %s", rules(res))
	}
}
