package action

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// workspaceHead returns the commit checked out in dir (or the repository
// that contains it). It reads .git itself first, because git in the
// action's container refuses a workspace owned by another user ("dubious
// ownership"), then asks git.
func workspaceHead(ctx context.Context, dir string) (string, error) {
	if sha, err := readGitHead(dir); err == nil {
		return sha, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", "-c", "safe.directory=*", "-C", dir, "rev-parse", "HEAD").Output()
	if err != nil {
		return "", errors.New("action: workspace is not a git checkout")
	}
	return strings.TrimSpace(string(out)), nil
}

// readGitHead resolves HEAD by reading the .git directory found in dir or
// above it.
func readGitHead(dir string) (string, error) {
	gitDir, err := findGitDir(dir)
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	if err != nil {
		return "", err
	}
	head := strings.TrimSpace(string(b))
	if !strings.HasPrefix(head, "ref: ") {
		return head, nil
	}
	ref := strings.TrimPrefix(head, "ref: ")
	if b, err := os.ReadFile(filepath.Join(gitDir, filepath.FromSlash(ref))); err == nil {
		return strings.TrimSpace(string(b)), nil
	}
	f, err := os.Open(filepath.Join(gitDir, "packed-refs"))
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) == 2 && fields[1] == ref {
			return fields[0], nil
		}
	}
	return "", errors.New("action: HEAD ref not found")
}

func findGitDir(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, ".git")
		if st, err := os.Stat(p); err == nil {
			if st.IsDir() {
				return p, nil
			}
			// A worktree or submodule: "gitdir: PATH". Its refs may live in
			// the common dir; let git answer for those.
			return "", errors.New("action: .git is a file")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("action: no .git directory")
		}
		dir = parent
	}
}
