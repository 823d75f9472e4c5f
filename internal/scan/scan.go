// Package scan runs the whole pipeline: config, sources, load, replay,
// analyze, filter. Reports are written by package comment from its Result.
package scan

import (
	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/sources"
)

// Scope counts what was read.
type Scope struct {
	Models      int `json:"models"`
	Migrations  int `json:"migrations"`
	Operations  int `json:"operations"`
	NotAnalyzed int `json:"not_analyzed"`
}

// Result is everything the reports need.
type Result struct {
	// Findings are sorted by path and line, with placement and fingerprint
	// set; suppressed findings are not included.
	Findings []analyze.Finding
	Scope    Scope
	Steps    []*replay.Step
	Models   []*ir.Model
	// Change is nil in whole-repository mode.
	Change *sources.Change
	FailOn analyze.Severity
	Rules  []*analyze.Rule
	// Notes are messages about the run itself (e.g. skipped files), shown in
	// the summary.
	Notes []string
}

// Failed reports whether any finding reaches the fail-on threshold.
func (r *Result) Failed() bool {
	for _, f := range r.Findings {
		if f.Severity >= r.FailOn {
			return true
		}
	}
	return false
}

// Count returns the number of findings of each severity.
func (r *Result) Count() map[analyze.Severity]int {
	out := map[analyze.Severity]int{}
	for _, f := range r.Findings {
		out[f.Severity]++
	}
	return out
}

// Options selects what to scan.
type Options struct {
	// Repo is the repository root on disk (default ".").
	Repo string
	// Base, when set, reviews the change `git diff Base...HEAD` in Repo.
	Base string
	// ConfigPath is an explicit config file; empty means
	// .github/migration-guardian.yml when it exists.
	ConfigPath string
	// NoTreeConfig forbids reading the config file from the scanned tree
	// when ConfigPath is empty: under pull_request_target the tree is the
	// pull request's own content, which must not relax its own review.
	NoTreeConfig bool
	// FailOn overrides the configured threshold when non-nil.
	FailOn *analyze.Severity
	// MySQLVersion overrides the configured version when non-empty.
	MySQLVersion string
	// Tree and Change, when set, replace reading Repo and running git: the
	// action supplies the head files through the GitHub API and the change
	// from the pull request's file list. A nil Change with a non-nil Tree
	// means whole-repository mode.
	Tree   sources.Tree
	Change *sources.Change
}
