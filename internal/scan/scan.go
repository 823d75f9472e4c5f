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
