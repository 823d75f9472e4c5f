package cli

import (
	"context"
	"io"
)

// runAction is wired to the action package once it lands.
func runAction(ctx context.Context, stdout, stderr io.Writer) int {
	io.WriteString(stderr, "guardian: action mode is not available in this build\n")
	return ExitUsage
}
