package action

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/google/go-github/v60/github"

	"github.com/migration-guardian/guardian/internal/sources"
)

// APITree is a sources.Tree of one commit read through the GitHub API
// (a recursive git tree, then blobs). It only reads files as data, so a
// pull_request_target run never checks out or executes the pull request's
// code outside the sandbox.
type APITree struct {
	Client      *github.Client
	Owner, Repo string
	SHA         string
	// Prefix restricts the tree to a folder ("services/api/"); paths are
	// relative to it.
	Prefix string
	// Ctx bounds the API calls.
	Ctx context.Context

	once      sync.Once
	err       error
	paths     []string
	blobs     map[string]string
	sizes     map[string]int
	truncated bool
}

var _ sources.Tree = (*APITree)(nil)

func (t *APITree) ctx() context.Context {
	if t.Ctx != nil {
		return t.Ctx
	}
	return context.Background()
}

func (t *APITree) load() {
	tree, _, err := t.Client.Git.GetTree(t.ctx(), t.Owner, t.Repo, t.SHA, true)
	if err != nil {
		t.err = fmt.Errorf("action: read tree %s: %w", t.SHA, err)
		return
	}
	t.truncated = tree.GetTruncated()
	t.blobs, t.sizes = map[string]string{}, map[string]int{}
	for _, e := range tree.Entries {
		if e.GetType() != "blob" {
			continue
		}
		p := e.GetPath()
		if !strings.HasPrefix(p, t.Prefix) {
			continue
		}
		p = strings.TrimPrefix(p, t.Prefix)
		if sources.Skipped(p) {
			continue
		}
		t.paths = append(t.paths, p)
		t.blobs[p] = e.GetSHA()
		t.sizes[p] = e.GetSize()
	}
	sort.Strings(t.paths)
}

// Truncated reports whether GitHub cut the recursive tree (over 100,000
// entries or 7 MB); the listing is then incomplete.
func (t *APITree) Truncated() bool {
	t.once.Do(t.load)
	return t.truncated
}

// List implements sources.Tree.
func (t *APITree) List() ([]string, error) {
	t.once.Do(t.load)
	return append([]string(nil), t.paths...), t.err
}

// Read implements sources.Tree.
func (t *APITree) Read(p string) ([]byte, error) {
	t.once.Do(t.load)
	if t.err != nil {
		return nil, t.err
	}
	sha, ok := t.blobs[p]
	if !ok {
		return nil, fmt.Errorf("action: read %s: file does not exist at %s", p, t.SHA)
	}
	if t.sizes[p] > sources.MaxFileSize {
		return nil, fmt.Errorf("action: read %s (%d bytes): %w", p, t.sizes[p], sources.ErrTooLarge)
	}
	b, _, err := t.Client.Git.GetBlobRaw(t.ctx(), t.Owner, t.Repo, sha)
	if err != nil {
		return nil, fmt.Errorf("action: read %s: %w", p, err)
	}
	return b, nil
}

// Err returns the error of loading the tree, if any.
func (t *APITree) Err() error {
	t.once.Do(t.load)
	return t.err
}
