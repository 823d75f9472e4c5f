package action

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestWorkspaceHead(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{name: "detached", files: map[string]string{"HEAD": sha + "\n"}, want: sha},
		{name: "branch", files: map[string]string{"HEAD": "ref: refs/heads/main\n", "refs/heads/main": sha + "\n"}, want: sha},
		{name: "packed ref", files: map[string]string{"HEAD": "ref: refs/heads/main\n", "packed-refs": "# pack-refs with: peeled\n" + sha + " refs/heads/main\n"}, want: sha},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for p, c := range tc.files {
				full := filepath.Join(root, ".git", filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			sub := filepath.Join(root, "services", "api")
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			got, err := workspaceHead(context.Background(), sub)
			if err != nil || got != tc.want {
				t.Errorf("workspaceHead = %q, %v, want %q", got, err, tc.want)
			}
		})
	}
	t.Run("not a checkout", func(t *testing.T) {
		if _, err := workspaceHead(context.Background(), t.TempDir()); err == nil {
			t.Errorf("workspaceHead succeeded outside a repository")
		}
	})
}
