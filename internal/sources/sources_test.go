package sources

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/testutil"
)

func write(t *testing.T, root, name, text string) {
	t.Helper()
	p := filepath.Join(root, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDirTree(t *testing.T) {
	root := t.TempDir()
	write(t, root, "db/001.up.sql", "SELECT 1;")
	write(t, root, "node_modules/x/m.sql", "x")
	write(t, root, "vendor/v.sql", "x")
	write(t, root, "a/node_modules/b.js", "x")
	outside := t.TempDir()
	write(t, outside, "secret.txt", "secret")
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "db", "link.sql")); err != nil {
		t.Fatal(err)
	}
	tree := DirTree{Root: root}
	files, err := tree.List()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"db/001.up.sql"}; !reflect.DeepEqual(files, want) {
		t.Errorf("List = %v, want %v", files, want)
	}
	tests := []struct {
		name, path, err string
	}{
		{"regular file", "db/001.up.sql", ""},
		{"escape", "../secret.txt", "leaves the repository"},
		{"symlink", "db/link.sql", "not a regular file"},
		{"missing", "db/nope.sql", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tree.Read(tt.path)
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("Read(%q) error = %v, want %q", tt.path, err, tt.err)
			}
		})
	}
}

func gitRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return testutil.Git(t, dir, args...)
}

func TestGitChangeAndTree(t *testing.T) {
	dir := t.TempDir()
	gitRun(t, dir, "init", "-q", "-b", "main")
	write(t, dir, "m/001.sql", "CREATE TABLE a (id INT);\n")
	write(t, dir, "m/002.sql", "CREATE TABLE b (id INT);\nCREATE TABLE c (id INT);\nCREATE TABLE d (id INT);\nCREATE TABLE e (id INT);\n")
	write(t, dir, "m/003.sql", "DROP TABLE x;\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "-m", "base")
	base := gitRun(t, dir, "rev-parse", "HEAD")
	write(t, dir, "m/001.sql", "CREATE TABLE a (id INT, n INT);\n")
	gitRun(t, dir, "mv", "m/002.sql", "m/002_renamed.sql")
	gitRun(t, dir, "rm", "-q", "m/003.sql")
	write(t, dir, "m/004.sql", "CREATE TABLE f (id INT);\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "-m", "head")
	write(t, dir, "m/001.sql", "uncommitted edits are not part of the change\n")

	c, err := GitChange(context.Background(), dir, base)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range c.Files {
		got[f.Path] = f.Status + " " + f.OldPath
	}
	want := map[string]string{"m/001.sql": "modified ", "m/002_renamed.sql": "renamed m/002.sql", "m/003.sql": "deleted ", "m/004.sql": "added "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	if f := c.File("m/001.sql"); !f.Lines.IsAdded(1) {
		t.Errorf("m/001.sql line 1 should be added: %+v", f.Lines)
	}
	tree := &GitTree{Dir: dir, Rev: "HEAD"}
	data, err := tree.Read("m/001.sql")
	if err != nil || string(data) != "CREATE TABLE a (id INT, n INT);\n" {
		t.Errorf("GitTree.Read = %q, %v; want the committed content", data, err)
	}
	files, _ := tree.List()
	if want := []string{"m/001.sql", "m/002_renamed.sql", "m/004.sql"}; !reflect.DeepEqual(files, want) {
		t.Errorf("GitTree.List = %v, want %v", files, want)
	}
	if _, err := GitChange(context.Background(), dir, "no-such-rev"); err == nil {
		t.Error("unknown base: want an error")
	}
}

// TestGitSubfolder: --repo may name a folder of a larger repository; the
// tree and the change then hold only its files, with paths relative to it.
func TestGitSubfolder(t *testing.T) {
	dir := t.TempDir()
	gitRun(t, dir, "init", "-q", "-b", "main")
	write(t, dir, "services/api/db/001.up.sql", "CREATE TABLE a (id INT);\n")
	write(t, dir, "services/web/db/001.up.sql", "CREATE TABLE w (id INT);\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "-m", "base")
	write(t, dir, "services/api/db/002.up.sql", "DROP TABLE a;\n")
	write(t, dir, "services/web/db/002.up.sql", "DROP TABLE w;\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "-m", "head")

	api := filepath.Join(dir, "services", "api")
	c, err := GitChange(context.Background(), api, "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Files) != 1 || c.Files[0].Path != "db/002.up.sql" || c.Files[0].Status != Added {
		t.Errorf("change = %+v, want only db/002.up.sql added", c.Files)
	}
	tree := &GitTree{Dir: api, Rev: "HEAD"}
	files, err := tree.List()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"db/001.up.sql", "db/002.up.sql"}; !reflect.DeepEqual(files, want) {
		t.Errorf("List = %v, want %v", files, want)
	}
	if data, err := tree.Read("db/002.up.sql"); err != nil || string(data) != "DROP TABLE a;\n" {
		t.Errorf("Read = %q, %v", data, err)
	}
}
