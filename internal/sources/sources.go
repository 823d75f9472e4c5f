// Package sources answers which files exist at the head of a change, which
// of them the change adds, modifies, renames or deletes, and which lines of
// each are in the diff.
package sources

import "github.com/migration-guardian/guardian/internal/diff"

// Tree is the set of files at the head of the change. Paths are
// slash-separated and relative to the repository root.
type Tree interface {
	// List returns every file path, sorted, skipping node_modules, vendor
	// and .git.
	List() ([]string, error)
	// Read returns a file's content.
	Read(path string) ([]byte, error)
}

// File statuses in a change.
const (
	Added    = "added"
	Modified = "modified"
	Renamed  = "renamed"
	Deleted  = "deleted"
)

// FileChange is one file of the change.
type FileChange struct {
	Path    string // path at head (old path for deleted files)
	OldPath string // path at base, for renames
	Status  string
	// Lines are the head-side lines of the file's diff hunks; nil when the
	// diff has no patch for the file (binary, too large).
	Lines *diff.Lines
}

// Change is the change under review. A nil *Change means "everything is
// new": the whole repository is reviewed.
type Change struct {
	Base, Head string
	Files      []*FileChange
}

// File returns the change of path (matching the head path), or nil.
func (c *Change) File(path string) *FileChange {
	if c == nil {
		return nil
	}
	for _, f := range c.Files {
		if f.Path == path {
			return f
		}
	}
	return nil
}
