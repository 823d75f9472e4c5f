package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/migration-guardian/guardian/internal/testutil"
)

// gitRepo creates a git repository with one commit per file set, in order.
func gitRepo(t *testing.T, commits ...map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) { testutil.Git(t, dir, args...) }
	git("init", "-q", "-b", "main")
	for i, files := range commits {
		for p, content := range files {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		git("add", "-A")
		git("commit", "-q", "-m", "commit "+string(rune('A'+i)))
	}
	return dir
}
