// Package cli implements the command line: `scan`, `rules`, and the
// dispatch to action mode when the binary runs inside GitHub Actions.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/comment"
	"github.com/migration-guardian/guardian/internal/scan"
)

// Exit statuses of the command-line contract.
const (
	ExitOK      = 0 // nothing reaches --fail-on
	ExitFailed  = 1 // a finding reaches --fail-on
	ExitUsage   = 2 // usage or internal error
	usageHeader = `Migration Guardian reviews Sequelize and MySQL migrations before they reach production.

Usage:
  guardian scan [--repo DIR] [--base REV] [--config FILE] [--format text|markdown|json|sarif] [--fail-on LEVEL] [--mysql-version V]
  guardian rules [CODE|NAME|--markdown]
  guardian help

Inside GitHub Actions (GITHUB_ACTIONS=true) with no command, it runs as the action.
`
)

// Main runs the command line and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if len(args) == 0 {
		if os.Getenv("GITHUB_ACTIONS") == "true" {
			return runAction(ctx, stdout, stderr)
		}
		fmt.Fprint(stderr, usageHeader)
		return ExitUsage
	}
	switch args[0] {
	case "scan":
		return scanCmd(ctx, args[1:], stdout, stderr)
	case "rules":
		return rulesCmd(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usageHeader)
		return ExitOK
	}
	if c, ok := extraCommands[args[0]]; ok {
		return c(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "guardian: unknown command %q\n\n%s", args[0], usageHeader)
	return ExitUsage
}

// extraCommands are registered by other files of this package (schema, verify).
var extraCommands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) int{}

// Formats lists the report formats of --format.
var formats = map[string]func(io.Writer, *scan.Result) error{
	"text":     comment.Text,
	"markdown": comment.WriteMarkdown,
	"json":     comment.JSON,
	"sarif":    comment.SARIF,
}

func scanCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	repo := fs.String("repo", ".", "repository root")
	base := fs.String("base", "", "review the change `git diff BASE...HEAD` instead of the whole repository")
	cfgPath := fs.String("config", "", "config file (default .github/migration-guardian.yml when present)")
	format := fs.String("format", "text", "report format: "+formatNames())
	failOn := fs.String("fail-on", "", "exit 1 when a finding reaches this severity: critical (default), high, medium, optimization or never")
	mysqlVersion := fs.String("mysql-version", "", "MySQL version to simulate (default from config, else 8.0)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	write, ok := formats[*format]
	if !ok {
		fmt.Fprintf(stderr, "guardian scan: unknown --format %q (want %s)\n", *format, formatNames())
		return ExitUsage
	}
	opts := scan.Options{Repo: *repo, Base: *base, ConfigPath: *cfgPath, MySQLVersion: *mysqlVersion}
	if *failOn != "" {
		s, err := analyze.ParseSeverity(*failOn)
		if err != nil {
			fmt.Fprintf(stderr, "guardian scan: --fail-on: %v\n", err)
			return ExitUsage
		}
		opts.FailOn = &s
	}
	res, err := scan.Run(ctx, opts)
	if err != nil {
		fmt.Fprintf(stderr, "guardian scan: %v\n", err)
		return ExitUsage
	}
	if err := write(stdout, res); err != nil {
		fmt.Fprintf(stderr, "guardian scan: write report: %v\n", err)
		return ExitUsage
	}
	if res.Failed() {
		return ExitFailed
	}
	return ExitOK
}

// parseFlags parses a command's flags; it refuses extra arguments. When ok
// is false the command returns code (0 after -h, 2 on a usage error).
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "guardian %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return ExitUsage, false
	}
	return 0, true
}

func formatNames() string {
	names := []string{"text", "markdown", "json"}
	for n := range formats {
		found := false
		for _, k := range names {
			found = found || k == n
		}
		if !found {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

func rulesCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "--markdown" || args[0] == "-markdown") {
		// The rule reference, docs/rules.md.
		if err := comment.RulesMarkdown(stdout, analyze.All()); err != nil {
			fmt.Fprintf(stderr, "guardian rules: %v\n", err)
			return ExitUsage
		}
		return ExitOK
	}
	if len(args) == 1 {
		r := analyze.Lookup(args[0])
		if r == nil {
			fmt.Fprintf(stderr, "guardian rules: unknown rule %q\n", args[0])
			return ExitUsage
		}
		fmt.Fprintf(stdout, "%s %s (%s)\n%s\n\n%s", r.Code, r.Name, r.Severity, r.Title, r.Doc)
		return ExitOK
	}
	for _, r := range analyze.All() {
		fmt.Fprintf(stdout, "%-6s %-34s %-12s %s\n", r.Code, r.Name, r.Severity, r.Title)
	}
	return ExitOK
}
