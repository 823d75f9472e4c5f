package schemaview

import (
	"context"
	"fmt"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/sources"
)

// Replayed is the schema a repository's migrations build.
type Replayed struct {
	Schema *schema.Schema
	// Failed lists the up statements the simulator could not apply
	// ("db/migrations/005_x.up.sql:7: ERROR 1060 (42S21): ..."); the
	// schema is what the other statements built.
	Failed []string
	Result *scan.Result
}

// Replay applies every migration's up, in order, to an empty schema: the
// working tree of repo, or the tree of commit rev when rev is not empty
// (read with git, so uncommitted files do not count). mysqlVersion may be
// empty for the configured version.
func Replay(ctx context.Context, repo, rev, mysqlVersion string) (*Replayed, error) {
	if repo == "" {
		repo = "."
	}
	never := analyze.Never
	o := scan.Options{Repo: repo, FailOn: &never, MySQLVersion: mysqlVersion}
	if rev != "" {
		if _, err := (&sources.GitTree{Dir: repo, Rev: rev}).List(); err != nil {
			return nil, &scan.UsageError{Err: fmt.Errorf("--at %s: %w", rev, err)}
		}
		o.Tree = &sources.GitTree{Dir: repo, Rev: rev}
	}
	res, err := scan.Run(ctx, o)
	if err != nil {
		return nil, err
	}
	out := &Replayed{Schema: &schema.Schema{}, Result: res}
	for _, st := range res.Steps {
		out.Schema = st.After
		for _, r := range st.Up {
			if r.Err != nil {
				out.Failed = append(out.Failed, fmt.Sprintf("%s:%d: %v", r.Op.Span.Path, r.Op.Span.Line, r.Err))
			}
		}
	}
	if out.Schema == nil {
		out.Schema = &schema.Schema{}
	}
	return out, nil
}
