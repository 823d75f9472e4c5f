package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/schemaview"
)

func init() {
	extraCommands["schema"] = schemaCmd
}

// schemaFormats are the outputs of `schema --format`.
var schemaFormats = map[string]func(io.Writer, *schema.Schema) error{
	"json":    schemaview.WriteJSON,
	"sql":     schemaview.WriteSQL,
	"mermaid": schemaview.WriteMermaid,
}

// schemaCmd prints the schema every migration builds:
//
//	guardian schema [--repo DIR] [--at REV] [--format json|sql|mermaid] [--tables a,b]
func schemaCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	repo := fs.String("repo", ".", "repository root")
	at := fs.String("at", "", "read the migrations of commit `REV` (git) instead of the working tree")
	format := fs.String("format", "json", "output format: json, sql or mermaid")
	tables := fs.String("tables", "", "comma-separated `tables` to print (default all)")
	mysqlVersion := fs.String("mysql-version", "", "MySQL version to simulate (default from config, else 8.0)")
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	write, ok := schemaFormats[*format]
	if !ok {
		fmt.Fprintf(stderr, "guardian schema: unknown --format %q (want json, sql or mermaid)\n", *format)
		return ExitUsage
	}
	rep, err := schemaview.Replay(ctx, *repo, *at, *mysqlVersion)
	if err != nil {
		fmt.Fprintf(stderr, "guardian schema: %v\n", err)
		return ExitUsage
	}
	var names []string
	for _, n := range strings.Split(*tables, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	s, err := schemaview.Select(rep.Schema, names)
	if err != nil {
		fmt.Fprintf(stderr, "guardian schema: --tables: %v\n", err)
		return ExitUsage
	}
	for _, f := range rep.Failed {
		fmt.Fprintf(stderr, "guardian schema: warning: statement not applied: %s\n", f)
	}
	if err := write(stdout, s); err != nil {
		fmt.Fprintf(stderr, "guardian schema: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}
