package analyze

import (
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/replay"
)

// Input is everything the rules run over.
type Input struct {
	Steps    []*replay.Step
	Models   []*ir.Model
	Settings Settings
	Files    func(path string) ([]byte, error)
	App      []ir.Op
	// Severity overrides the default severity of rules by code; Disabled
	// turns rules off by code.
	Severity map[string]Severity
	Disabled map[string]bool
}

// Run runs the rules and returns their findings sorted by path, line and
// rule. A rule that fails or panics does not stop the others: its error is
// returned alongside the findings.
func Run(rules []*Rule, in Input) ([]Finding, []error) {
	var out []Finding
	var errs []error
	for _, r := range rules {
		if in.Disabled[r.Code] || r.Run == nil {
			continue
		}
		override, hasOverride := in.Severity[r.Code]
		pass := &Pass{
			Rule:     r,
			Steps:    in.Steps,
			Models:   in.Models,
			Settings: in.Settings,
			Files:    in.Files,
			App:      in.App,
		}
		pass.report = func(f Finding) {
			if hasOverride {
				f.Severity = override
			}
			out = append(out, f)
		}
		if err := runOne(r, pass); err != nil {
			errs = append(errs, err)
		}
	}
	SortFindings(out)
	return out, errs
}

func runOne(r *Rule, p *Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("rule %s (%s) crashed: %v\n%s", r.Code, r.Name, v, debug.Stack())
		}
	}()
	if err := r.Run(p); err != nil {
		return fmt.Errorf("rule %s (%s): %w", r.Code, r.Name, err)
	}
	return nil
}

// SortFindings orders findings by path, line, rule and message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}
