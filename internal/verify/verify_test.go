package verify_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/testutil/mariadb"
	"github.com/migration-guardian/guardian/internal/verify"
)

// writeRepo writes files (path → content) into a new directory.
func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// base is the migration every case builds on.
var base = map[string]string{
	"db/migrations/001_create_accounts.up.sql": `CREATE TABLE accounts (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(191) NOT NULL,
  UNIQUE KEY accounts_email_uk (email)
);
`,
	"db/migrations/001_create_accounts.down.sql": "DROP TABLE accounts;\n",
}

func with(extra map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// scratchDatabases lists the databases Run may have left behind.
func scratchDatabases(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query("SHOW DATABASES LIKE '" + verify.DatabasePrefix + "%'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

func TestRunOnMariaDB(t *testing.T) {
	dsn := mariadb.Start(t)
	admin := mariadb.Open(t, dsn)

	type want struct {
		failed    bool
		path      string // migration with the problem
		step      string // step refused, "" for none
		code      uint16
		statement string // part of the refused statement
		leftover  string // part of a Leftover difference
		rerun     string // part of a Rerun difference
		notRun    int
	}
	tests := []struct {
		name  string
		files map[string]string
		want  want
	}{
		{
			name: "complete rollback passes",
			files: with(map[string]string{
				"db/migrations/002_add_name.up.sql": "ALTER TABLE accounts ADD COLUMN name VARCHAR(100) NULL AFTER id;\n" +
					"CREATE INDEX accounts_name_ix ON accounts (name(10));\n" +
					"CREATE TABLE sessions (id BIGINT NOT NULL PRIMARY KEY, account_id INT UNSIGNED NOT NULL,\n" +
					"  CONSTRAINT sessions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE);\n",
				"db/migrations/002_add_name.down.sql": "DROP TABLE sessions;\nDROP INDEX accounts_name_ix ON accounts;\nALTER TABLE accounts DROP COLUMN name;\n",
			}),
		},
		{
			name: "sequelize migration as rendered DDL",
			files: with(map[string]string{
				"migrations/20240101000000-create-widgets.js": `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('widgets', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      name: { type: Sequelize.STRING(50), allowNull: false, defaultValue: 'x' },
      accountId: { type: Sequelize.INTEGER.UNSIGNED, allowNull: true, references: { model: 'accounts', key: 'id' }, onDelete: 'SET NULL' },
      createdAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex('widgets', ['name'], { name: 'widgets_name_ix' });
    await queryInterface.sequelize.query('ALTER TABLE widgets ADD COLUMN note VARCHAR(20) NULL');
  },
  async down(queryInterface) {
    await queryInterface.dropTable('widgets');
  },
};
`,
			}),
		},
		{
			name: "incomplete rollback",
			files: with(map[string]string{
				"db/migrations/002_audit.up.sql":   "ALTER TABLE accounts ADD COLUMN note TEXT;\nCREATE TABLE IF NOT EXISTS audit (id INT NOT NULL PRIMARY KEY);\n",
				"db/migrations/002_audit.down.sql": "ALTER TABLE accounts DROP COLUMN note;\n",
			}),
			want: want{failed: true, path: "db/migrations/002_audit.up.sql", leftover: "table `audit` is extra"},
		},
		{
			name: "failing down",
			files: with(map[string]string{
				"db/migrations/002_flag.up.sql":   "ALTER TABLE accounts ADD COLUMN flag TINYINT(1) NOT NULL DEFAULT 0;\n",
				"db/migrations/002_flag.down.sql": "-- wrong column name\nALTER TABLE accounts DROP COLUMN flags;\n",
				"db/migrations/003_later.up.sql":  "CREATE TABLE later (id INT NOT NULL PRIMARY KEY);\n",
			}),
			want: want{failed: true, path: "db/migrations/002_flag.up.sql", step: verify.StepDown, code: 1091, statement: "DROP COLUMN flags", notRun: 1},
		},
		{
			name: "non-re-runnable up",
			files: with(map[string]string{
				"db/migrations/002_seed.up.sql":   "INSERT INTO accounts (id, email) VALUES (1, 'admin@example.com');\n",
				"db/migrations/002_seed.down.sql": "SELECT 1;\n",
			}),
			want: want{failed: true, path: "db/migrations/002_seed.up.sql", step: verify.StepUpAgain, code: 1062, statement: "INSERT INTO accounts"},
		},
		{
			name: "up that differs when re-run",
			files: with(map[string]string{
				"db/migrations/002_grow.up.sql":   "CREATE TABLE IF NOT EXISTS counters (id INT NOT NULL PRIMARY KEY);\nALTER TABLE counters ADD COLUMN IF NOT EXISTS n INT NULL;\n",
				"db/migrations/002_grow.down.sql": "ALTER TABLE counters DROP COLUMN n, ADD COLUMN legacy INT NULL;\n",
			}),
			want: want{failed: true, path: "db/migrations/002_grow.up.sql", leftover: "table `counters` is extra", rerun: "column `legacy` of `counters` is extra"},
		},
		{
			name: "refused up stops the run",
			files: with(map[string]string{
				"db/migrations/002_bad.up.sql":   "ALTER TABLE accounts ADD COLUMN name VARCHAR(10);\nALTER TABLE accounts ADD COLUMN name VARCHAR(20);\n",
				"db/migrations/002_bad.down.sql": "ALTER TABLE accounts DROP COLUMN name;\n",
				"db/migrations/003_next.up.sql":  "CREATE TABLE next_one (id INT NOT NULL PRIMARY KEY);\n",
			}),
			want: want{failed: true, path: "db/migrations/002_bad.up.sql", step: verify.StepUp, code: 1060, statement: "ADD COLUMN name VARCHAR(20)", notRun: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := writeRepo(t, tt.files)
			rep, err := verify.Run(context.Background(), verify.Options{DSN: dsn, Repo: repo})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			var text strings.Builder
			if err := verify.WriteText(&text, rep); err != nil {
				t.Fatal(err)
			}
			t.Logf("report:\n%s", text.String())
			if got := rep.Failed(); got != tt.want.failed {
				t.Fatalf("Failed() = %v, want %v", got, tt.want.failed)
			}
			if rep.NotRun != tt.want.notRun {
				t.Errorf("NotRun = %d, want %d", rep.NotRun, tt.want.notRun)
			}
			if left := scratchDatabases(t, admin); len(left) > 0 {
				t.Errorf("scratch databases left behind: %v", left)
			}
			for _, m := range rep.Migrations {
				if m.Path != tt.want.path && m.Failed() {
					t.Errorf("%s failed unexpectedly", m.Path)
				}
			}
			if !tt.want.failed {
				for _, m := range rep.Migrations {
					if !m.RoundTrip || len(m.Steps) != 3 {
						t.Errorf("%s: round trip not run: %+v", m.Path, m.Steps)
					}
				}
				return
			}
			var m *verify.MigrationReport
			for _, x := range rep.Migrations {
				if x.Path == tt.want.path {
					m = x
				}
			}
			if m == nil {
				t.Fatalf("no report for %s", tt.want.path)
			}
			f := m.Failure()
			switch {
			case tt.want.step == "" && f != nil:
				t.Errorf("unexpected refused statement: %s", f)
			case tt.want.step != "":
				if f == nil {
					t.Fatalf("no refused statement, want one in %s", tt.want.step)
				}
				last := m.Steps[len(m.Steps)-1]
				if last.Name != tt.want.step || last.Failure != f {
					t.Errorf("refused in step %q, want %q", last.Name, tt.want.step)
				}
				if f.Code != tt.want.code {
					t.Errorf("error number %d, want %d (%s)", f.Code, tt.want.code, f)
				}
				if !strings.Contains(f.Statement, tt.want.statement) {
					t.Errorf("statement %q, want it to contain %q", f.Statement, tt.want.statement)
				}
				if !strings.Contains(text.String(), "ERROR "+strconv.Itoa(int(tt.want.code))) {
					t.Errorf("text report lacks the error number")
				}
			}
			checkDiffs(t, "leftover", m.Leftover, tt.want.leftover)
			checkDiffs(t, "rerun", m.Rerun, tt.want.rerun)
		})
	}
}

func checkDiffs(t *testing.T, what string, diffs []schema.Difference, want string) {
	t.Helper()
	var all []string
	for _, d := range diffs {
		all = append(all, d.String())
	}
	joined := strings.Join(all, "\n")
	switch {
	case want == "" && len(diffs) > 0:
		t.Errorf("unexpected %s differences:\n%s", what, joined)
	case want != "" && !strings.Contains(joined, want):
		t.Errorf("%s differences %q, want one containing %q", what, joined, want)
	}
}

func TestRunUsageErrors(t *testing.T) {
	tests := []struct {
		name, dsn, repo, want string
	}{
		{"bad dsn", "not a dsn", ".", "--dsn"},
		{"unreachable server", "root@tcp(127.0.0.1:1)/", writeRepo(t, base), "connect to 127.0.0.1:1"},
		{"missing repository", "root@tcp(127.0.0.1:1)/", filepath.Join(t.TempDir(), "nope"), "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := verify.Run(context.Background(), verify.Options{DSN: tt.dsn, Repo: tt.repo})
			var ue *verify.UsageError
			if err == nil || !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a UsageError containing %q", err, tt.want)
			}
		})
	}
}
