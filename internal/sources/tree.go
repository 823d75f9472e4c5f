package sources

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/migration-guardian/guardian/internal/diff"
)

// MaxFileSize is the largest file the guardian reads; larger files are
// reported as not analyzed instead of being loaded into memory.
const MaxFileSize = 5 << 20

// ErrTooLarge is returned by Read for files over MaxFileSize.
var ErrTooLarge = errors.New("file too large")

// Skipped reports whether a path lies in a folder that is never read:
// node_modules, vendor and .git.
func Skipped(p string) bool {
	for _, part := range strings.Split(p, "/") {
		switch part {
		case "node_modules", "vendor", ".git":
			return true
		}
	}
	return false
}

// DirTree is the working tree of a directory.
type DirTree struct {
	Root string
}

// List implements Tree. Symbolic links are not followed.
func (d DirTree) List() ([]string, error) {
	var out []string
	err := filepath.WalkDir(d.Root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(d.Root, p)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			if rel != "." && Skipped(rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 || !e.Type().IsRegular() {
			return nil
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sources: list %s: %w", d.Root, err)
	}
	sort.Strings(out)
	return out, nil
}

// Read implements Tree. It refuses paths that leave the root.
func (d DirTree) Read(p string) ([]byte, error) {
	clean := path.Clean(p)
	if clean == ".." || strings.HasPrefix(clean, "../") || path.IsAbs(clean) {
		return nil, fmt.Errorf("sources: read %s: path leaves the repository", p)
	}
	full := filepath.Join(d.Root, filepath.FromSlash(clean))
	st, err := os.Lstat(full)
	if err != nil {
		return nil, fmt.Errorf("sources: read %s: %w", p, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("sources: read %s: not a regular file", p)
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("sources: read %s (%d bytes): %w", p, st.Size(), ErrTooLarge)
	}
	return os.ReadFile(full)
}

// GitTree is the tree of one commit of a git repository, read with git
// itself so the content matches the diff exactly.
type GitTree struct {
	Dir string
	Rev string

	once  sync.Once
	files map[string]gitEntry
	list  []string
	err   error
}

type gitEntry struct {
	blob string
	size int64
}

// List implements Tree.
func (g *GitTree) List() ([]string, error) {
	g.load()
	return g.list, g.err
}

func (g *GitTree) load() {
	g.once.Do(func() {
		// Without --full-tree, ls-tree lists only the files below Dir, with
		// paths relative to it: --repo may be a folder of a larger
		// repository (a monorepo).
		out, err := git(context.Background(), g.Dir, "ls-tree", "-r", "-z", "--long", g.Rev)
		if err != nil {
			g.err = err
			return
		}
		g.files = map[string]gitEntry{}
		for _, rec := range bytes.Split(out, []byte{0}) {
			// <mode> SP <type> SP <object> SP+ <size> TAB <path>
			meta, p, ok := bytes.Cut(rec, []byte{'\t'})
			if !ok {
				continue
			}
			f := strings.Fields(string(meta))
			if len(f) != 4 || f[1] != "blob" || f[0] == "120000" {
				continue // submodules, symlinks
			}
			size, _ := strconv.ParseInt(f[3], 10, 64)
			name := string(p)
			if Skipped(name) {
				continue
			}
			g.files[name] = gitEntry{blob: f[2], size: size}
			g.list = append(g.list, name)
		}
		sort.Strings(g.list)
	})
}

// Read implements Tree.
func (g *GitTree) Read(p string) ([]byte, error) {
	g.load()
	if g.err != nil {
		return nil, g.err
	}
	e, ok := g.files[p]
	if !ok {
		return nil, fmt.Errorf("sources: read %s at %s: %w", p, g.Rev, fs.ErrNotExist)
	}
	if e.size > MaxFileSize {
		return nil, fmt.Errorf("sources: read %s (%d bytes): %w", p, e.size, ErrTooLarge)
	}
	return git(context.Background(), g.Dir, "cat-file", "blob", e.blob)
}

// GitChange computes the change `git diff base...HEAD` in dir.
func GitChange(ctx context.Context, dir, base string) (*Change, error) {
	head, err := git(ctx, dir, "rev-parse", "HEAD")
	if err != nil {
		return nil, err
	}
	if _, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", base+"^{commit}"); err != nil {
		return nil, fmt.Errorf("sources: base %q is not a commit in %s", base, dir)
	}
	// --relative keeps the files below dir, with paths relative to it, so
	// they match the tree's paths when dir is a folder of the repository.
	out, err := git(ctx, dir, "diff", "--no-color", "--no-ext-diff", "--relative", "-M", "--unified=3", base+"...HEAD")
	if err != nil {
		return nil, err
	}
	return ChangeFromDiff(bytes.NewReader(out), base, strings.TrimSpace(string(head)))
}

// ChangeFromDiff builds a Change from a unified diff.
func ChangeFromDiff(r io.Reader, base, head string) (*Change, error) {
	files, err := diff.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	c := &Change{Base: base, Head: head}
	for _, f := range files {
		fc := &FileChange{Path: f.NewPath, Lines: f.Lines}
		switch {
		case f.IsDelete:
			fc.Path, fc.Status = f.OldPath, Deleted
		case f.IsNew:
			fc.Status = Added
		case f.IsRename:
			fc.Status, fc.OldPath = Renamed, f.OldPath
		default:
			fc.Status = Modified
		}
		if Skipped(fc.Path) {
			continue
		}
		if fc.Lines == nil && !f.IsDelete && !f.IsBinary {
			fc.Lines = &diff.Lines{Added: map[int]bool{}}
		}
		c.Files = append(c.Files, fc)
	}
	return c, nil
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir, "-c", "core.quotepath=off"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(firstLine(stderr.String()))
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("sources: git %s: %s", args[0], msg)
	}
	return out, nil
}

func firstLine(s string) string {
	sc := bufio.NewScanner(strings.NewReader(s))
	if sc.Scan() {
		return sc.Text()
	}
	return ""
}
