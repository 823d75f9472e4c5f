package cli

import (
	"context"
	"io"
	"os"

	"github.com/migration-guardian/guardian/internal/action"
)

// runAction runs the binary as the GitHub Action.
func runAction(ctx context.Context, stdout, stderr io.Writer) int {
	return action.Run(ctx, action.Env{Getenv: os.Getenv}, stdout, stderr)
}
