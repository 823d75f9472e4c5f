package scan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/schema"
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

// TestRemoveColumnDropsItsForeignKeys: Sequelize's removeColumn reads the
// database and drops the column's foreign keys first, so its rollback
// applies cleanly; a column without foreign keys needs no database at all.
func TestRemoveColumnDropsItsForeignKeys(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"migrations/20240101000000-users.js": `module.exports = {
  up: (qi, S) => qi.createTable('users', { id: { type: S.INTEGER, primaryKey: true } }),
  down: (qi) => qi.dropTable('users'),
};`,
		"migrations/20240102000000-orders.js": `module.exports = {
  up: (qi, S) => qi.createTable('orders', { id: { type: S.INTEGER, primaryKey: true } }),
  down: (qi) => qi.dropTable('orders'),
};`,
		"migrations/20240103000000-link.js": `module.exports = {
  async up(qi, S) {
    await qi.addColumn('orders', 'user_id', { type: S.INTEGER, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' });
    await qi.addColumn('orders', 'note', { type: S.TEXT });
  },
  async down(qi) {
    await qi.removeColumn('orders', 'note');
    await qi.removeColumn('orders', 'user_id');
  },
};`,
	})
	never := analyze.Never
	res, err := Run(context.Background(), Options{Repo: dir, FailOn: &never})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		switch f.Rule {
		case "RB103", "RB104", "RB105", "ER101", "GD101":
			t.Errorf("%s:%d %s %s", f.Path, f.Line, f.Rule, f.Message)
		}
	}
	st := res.Steps[2]
	var dropsFK bool
	for _, r := range st.Down {
		if r.Err != nil {
			t.Errorf("down: %v", r.Err)
		}
		if at, ok := r.Op.Change.(*schema.AlterTable); ok {
			for _, s := range at.Specs {
				if _, ok := s.(*schema.DropForeignKey); ok {
					dropsFK = true
				}
			}
		}
	}
	if !dropsFK {
		t.Error("removeColumn of a foreign-key column must drop the key first")
	}
}
