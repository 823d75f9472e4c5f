package action

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sethvargo/go-githubactions"

	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/testutil/mariadb"
)

func TestVerifyLive(t *testing.T) {
	repo := t.TempDir()
	for p, content := range map[string]string{
		"db/migrations/001_a.up.sql":   "CREATE TABLE a (id INT NOT NULL PRIMARY KEY);\n",
		"db/migrations/001_a.down.sql": "DROP TABLE a;\n",
	} {
		full := filepath.Join(repo, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dsn := mariadb.Start(t)
	tests := []struct {
		name    string
		dsn     string
		event   string
		code    int
		log     string
		summary string
	}{
		{"no input", "", "pull_request", ExitOK, "", ""},
		{"round trip", dsn, "pull_request", ExitOK, "Live verification on", "### Live verification"},
		{"refused under pull_request_target", dsn, "pull_request_target", ExitOK, "verify-dsn is ignored", ""},
		{"unreachable server", "root:s3cret-pw@tcp(127.0.0.1:1)/", "pull_request", ExitError, "::error::Live verification", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			summary := filepath.Join(t.TempDir(), "summary.md")
			env := map[string]string{"GITHUB_STEP_SUMMARY": summary}
			var out bytes.Buffer
			r := &runner{env: Env{Getenv: func(k string) string { return env[k] }}, stdout: &out, stderr: &out, eventName: tt.event}
			r.gha = githubactions.New(githubactions.WithWriter(&out), githubactions.WithGetenv(r.env.Getenv))
			r.in.VerifyDSN = tt.dsn
			code := r.verifyLive(context.Background(), scan.Options{Repo: repo})
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", code, tt.code, out.String())
			}
			if !strings.Contains(out.String(), tt.log) {
				t.Errorf("log lacks %q:\n%s", tt.log, out.String())
			}
			for _, line := range strings.Split(out.String(), "\n") {
				if strings.Contains(line, "s3cret-pw") && !strings.HasPrefix(line, "::add-mask::") {
					t.Errorf("password leaked outside a mask command: %s", line)
				}
			}
			got, _ := os.ReadFile(summary)
			if !strings.Contains(string(got), tt.summary) {
				t.Errorf("job summary lacks %q:\n%s", tt.summary, got)
			}
		})
	}
}
