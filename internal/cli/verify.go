package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/migration-guardian/guardian/internal/verify"
)

func init() {
	extraCommands["verify"] = verifyCmd
}

// verifyCmd replays the migrations on a live server:
//
//	guardian verify --dsn DSN [--repo DIR] [--base REV] [--config FILE] [--keep]
//
// The DSN may also come from GUARDIAN_VERIFY_DSN, which keeps the password
// out of the process list.
func verifyCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dsn := fs.String("dsn", "", "server and credentials, go-sql-driver/mysql format: `user:pass@tcp(host:3306)/` (default $GUARDIAN_VERIFY_DSN)")
	repo := fs.String("repo", ".", "repository root")
	base := fs.String("base", "", "round-trip only the migrations `git diff BASE...HEAD` adds or modifies (default all)")
	cfgPath := fs.String("config", "", "config file (default .github/migration-guardian.yml when present)")
	keep := fs.Bool("keep", false, "keep the scratch database for inspection instead of dropping it")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if *dsn == "" {
		*dsn = os.Getenv("GUARDIAN_VERIFY_DSN")
	}
	if *dsn == "" {
		fmt.Fprintln(stderr, "guardian verify: --dsn is required (or set GUARDIAN_VERIFY_DSN)")
		return ExitUsage
	}
	rep, err := verify.Run(ctx, verify.Options{DSN: *dsn, Repo: *repo, Base: *base, ConfigPath: *cfgPath, KeepDatabase: *keep})
	if err != nil {
		fmt.Fprintf(stderr, "guardian verify: %v\n", err)
		return ExitUsage
	}
	if err := verify.WriteText(stdout, rep); err != nil {
		fmt.Fprintf(stderr, "guardian verify: write report: %v\n", err)
		return ExitUsage
	}
	if rep.Failed() {
		return ExitFailed
	}
	return ExitOK
}
