// Command action is Migration Guardian: the GitHub Action and the local CLI
// in one binary. See README.md for usage.
package main

import (
	"os"

	"github.com/migration-guardian/guardian/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
