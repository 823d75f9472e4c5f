package cli

import (
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/testutil/mariadb"
)

func TestVerifyCommand(t *testing.T) {
	ok := gitRepo(t, map[string]string{
		"db/migrations/001_a.up.sql":   "CREATE TABLE a (id INT NOT NULL PRIMARY KEY);\n",
		"db/migrations/001_a.down.sql": "DROP TABLE a;\n",
	})
	bad := gitRepo(t, map[string]string{
		"db/migrations/001_a.up.sql":   "CREATE TABLE a (id INT NOT NULL PRIMARY KEY);\n",
		"db/migrations/001_a.down.sql": "DROP TABLE nope;\n",
	})
	// The base commit holds a migration whose rollback is broken; the
	// change adds a good one. With --base only the added one round-trips.
	based := gitRepo(t, map[string]string{
		"db/migrations/001_a.up.sql":   "CREATE TABLE a (id INT NOT NULL PRIMARY KEY);\n",
		"db/migrations/001_a.down.sql": "DROP TABLE nope;\n",
	}, map[string]string{
		"db/migrations/002_b.up.sql":   "ALTER TABLE a ADD COLUMN b INT NULL;\n",
		"db/migrations/002_b.down.sql": "ALTER TABLE a DROP COLUMN b;\n",
	})
	dsn := mariadb.Start(t)
	tests := []struct {
		name   string
		args   []string
		env    string
		code   int
		stdout string
		stderr string
	}{
		{"complete round trip", []string{"--dsn", dsn, "--repo", ok}, "", ExitOK, "All 1 migration(s) applied", ""},
		{"dsn from the environment", []string{"--repo", ok}, dsn, ExitOK, "All 1 migration(s) applied", ""},
		{"failing down", []string{"--dsn", dsn, "--repo", bad}, "", ExitFailed, "ERROR 1051", ""},
		{"base limits the round trip", []string{"--dsn", dsn, "--repo", based, "--base", "HEAD~1"}, "", ExitOK, "002_b.up.sql: ok", ""},
		{"missing dsn", []string{"--repo", ok}, "", ExitUsage, "", "--dsn is required"},
		{"unreachable server", []string{"--dsn", "root@tcp(127.0.0.1:1)/", "--repo", ok}, "", ExitUsage, "", "connect to 127.0.0.1:1"},
		{"bad base", []string{"--dsn", dsn, "--repo", ok, "--base", "nope"}, "", ExitUsage, "", "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GUARDIAN_VERIFY_DSN", tt.env)
			code, out, errOut := run(t, append([]string{"verify"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			if !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stdout %q / stderr %q, want %q / %q", out, errOut, tt.stdout, tt.stderr)
			}
		})
	}
}
