// Package comment turns a scan result into reports: text, Markdown, JSON and
// SARIF for the CLI, and the GitHub review, check run, sticky comment, job
// summary and workflow annotations for the action.
package comment

import (
	"context"

	"github.com/migration-guardian/guardian/internal/scan"
)

// Backend publishes a scan result somewhere.
type Backend interface {
	Publish(ctx context.Context, r *scan.Result) error
}
