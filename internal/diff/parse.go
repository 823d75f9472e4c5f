package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/bluekeyes/go-gitdiff/gitdiff"
)

// File is one file of a parsed git diff.
type File struct {
	OldPath  string // empty for new files
	NewPath  string // empty for deleted files
	IsNew    bool
	IsDelete bool
	IsRename bool
	IsBinary bool
	Lines    *Lines // nil for binary files and files without hunks
}

// Parse reads a unified diff as `git diff` writes it.
func Parse(r io.Reader) ([]*File, error) {
	files, _, err := gitdiff.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("diff: parse: %w", err)
	}
	out := make([]*File, 0, len(files))
	for _, f := range files {
		df := &File{
			OldPath:  f.OldName,
			NewPath:  f.NewName,
			IsNew:    f.IsNew,
			IsDelete: f.IsDelete,
			IsRename: f.IsRename,
			IsBinary: f.IsBinary,
		}
		if len(f.TextFragments) > 0 {
			df.Lines = linesOf(f.TextFragments)
		}
		out = append(out, df)
	}
	return out, nil
}

// ParsePatch reads the hunks of a single file without file headers, as the
// GitHub API returns them in a pull request file's `patch` field.
func ParsePatch(patch string) (*Lines, error) {
	if strings.TrimSpace(patch) == "" {
		return &Lines{Added: map[int]bool{}}, nil
	}
	if !strings.HasSuffix(patch, "\n") {
		patch += "\n"
	}
	full := "diff --git a/f b/f\n--- a/f\n+++ b/f\n" + patch
	files, _, err := gitdiff.Parse(strings.NewReader(full))
	if err != nil {
		return nil, fmt.Errorf("diff: parse patch: %w", err)
	}
	if len(files) != 1 {
		return nil, fmt.Errorf("diff: parse patch: want one file, got %d", len(files))
	}
	if len(files[0].TextFragments) == 0 {
		return nil, fmt.Errorf("diff: parse patch: no hunk in %q", firstLine(patch))
	}
	return linesOf(files[0].TextFragments), nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return s
}

func linesOf(frags []*gitdiff.TextFragment) *Lines {
	l := &Lines{Added: map[int]bool{}}
	for _, frag := range frags {
		line := int(frag.NewPosition)
		start := line
		for _, ln := range frag.Lines {
			switch ln.Op {
			case gitdiff.OpAdd:
				l.Added[line] = true
				line++
			case gitdiff.OpContext:
				line++
			}
		}
		end := line - 1
		if end < start {
			// A pure deletion: the hunk sits between two head lines.
			end = start
		}
		l.Hunks = append(l.Hunks, Range{Start: start, End: end})
	}
	return l
}
