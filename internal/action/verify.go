package action

import (
	"context"
	"fmt"
	"os"

	"github.com/go-sql-driver/mysql"

	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/verify"
)

// verifyLive runs the live round trip when the verify-dsn input is set
// (see package verify) on the tree and change the scan read, appends its
// report to the job summary and returns an exit code: ExitOK, ExitFailed
// when a migration failed verification, ExitError when the server could
// not be used. Under pull_request_target it refuses: the migrations are
// the pull request's own code, and they would run on the DSN's server
// with its credentials.
func (r *runner) verifyLive(ctx context.Context, opts scan.Options) int {
	dsn := r.in.VerifyDSN
	if dsn == "" {
		return ExitOK
	}
	r.safe(func() { r.gha.AddMask(dsn) })
	if cfg, err := mysql.ParseDSN(dsn); err == nil && cfg.Passwd != "" {
		r.safe(func() { r.gha.AddMask(cfg.Passwd) })
	}
	if r.eventName == "pull_request_target" {
		r.warnf("verify-dsn is ignored under pull_request_target: the pull request's migrations would run on that server with its credentials.")
		return ExitOK
	}
	rep, err := verify.Run(ctx, verify.Options{DSN: dsn, Repo: opts.Repo, ConfigPath: opts.ConfigPath, Tree: opts.Tree, Change: opts.Change})
	if err != nil {
		r.errorf("Live verification: %v", err)
		return ExitError
	}
	if p := r.getenv("GITHUB_STEP_SUMMARY"); p != "" {
		if f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprintf(f, "\n%s", verify.Markdown(rep))
			f.Close()
		}
	}
	failed := 0
	for _, m := range rep.Migrations {
		if m.Failed() {
			failed++
			r.errorf("Live verification: %s failed on %s (see the job summary).", m.Path, rep.Server)
		}
	}
	if failed > 0 {
		return ExitFailed
	}
	r.infof("Live verification on %s: %d migration(s) applied, rollbacks restored the schema.", rep.Server, len(rep.Migrations))
	return ExitOK
}
