package comment

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

// Text writes a human-readable report grouped by file, one line per finding
// plus its advice.
func Text(w io.Writer, r *scan.Result) error {
	var b strings.Builder
	path := ""
	for _, f := range r.Findings {
		if f.Path != path {
			if path != "" {
				b.WriteString("\n")
			}
			path = f.Path
			fmt.Fprintf(&b, "%s\n", displayPath(path))
		}
		loc := fmt.Sprintf("%d", f.Line)
		if f.EndLine > f.Line {
			loc = fmt.Sprintf("%d-%d", f.Line, f.EndLine)
		}
		fmt.Fprintf(&b, "  %-7s %-12s %s %s: %s\n", loc, f.Severity, f.Rule, f.Name, f.Message)
		if f.Advice != "" {
			fmt.Fprintf(&b, "  %-7s %-12s → %s\n", "", "", f.Advice)
		}
	}
	if len(r.Findings) > 0 {
		b.WriteString("\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	fmt.Fprintf(&b, "%s\n", summaryLine(r))
	_, err := io.WriteString(w, b.String())
	return err
}

func displayPath(p string) string {
	if p == "" {
		return "(repository)"
	}
	return p
}

// summaryLine is the one-line verdict shared by the text and Markdown reports.
func summaryLine(r *scan.Result) string {
	c := r.Count()
	mode := "whole repository"
	if r.Change != nil {
		mode = "change " + shortRev(r.Change.Base) + "..." + shortRev(r.Change.Head)
	}
	verdict := "passes"
	if r.Failed() {
		verdict = "fails"
	}
	return fmt.Sprintf("%d findings (%d critical, %d high, %d medium, %d optimization) in %d migrations and %d models (%s); %s fail-on %s.",
		len(r.Findings), c[analyze.Critical], c[analyze.High], c[analyze.Medium], c[analyze.Optimization],
		r.Scope.Migrations, r.Scope.Models, mode, verdict, r.FailOn)
}

func shortRev(s string) string {
	if len(s) == 40 {
		return s[:12]
	}
	return s
}

// jsonReport is the --format json document. Keys of DESIGN.md's contract
// (findings[].rule/name/severity/path/line/end_line/message/in_diff and
// scope) must not change; others may be added.
type jsonReport struct {
	Findings []analyze.Finding `json:"findings"`
	Scope    scan.Scope        `json:"scope"`
	Summary  jsonSummary       `json:"summary"`
	Notes    []string          `json:"notes,omitempty"`
}

type jsonSummary struct {
	Critical     int    `json:"critical"`
	High         int    `json:"high"`
	Medium       int    `json:"medium"`
	Optimization int    `json:"optimization"`
	FailOn       string `json:"fail_on"`
	Failed       bool   `json:"failed"`
	Risk         string `json:"risk"`
	Mode         string `json:"mode"`
	Base         string `json:"base,omitempty"`
	Head         string `json:"head,omitempty"`
}

// JSON writes the machine-readable report.
func JSON(w io.Writer, r *scan.Result) error {
	c := r.Count()
	rep := jsonReport{
		Findings: r.Findings,
		Scope:    r.Scope,
		Notes:    r.Notes,
		Summary: jsonSummary{
			Critical: c[analyze.Critical], High: c[analyze.High], Medium: c[analyze.Medium], Optimization: c[analyze.Optimization],
			FailOn: r.FailOn.String(), Failed: r.Failed(), Risk: Risk(r), Mode: "repository",
		},
	}
	if rep.Findings == nil {
		rep.Findings = []analyze.Finding{}
	}
	if r.Change != nil {
		rep.Summary.Mode, rep.Summary.Base, rep.Summary.Head = "change", r.Change.Base, r.Change.Head
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// Risk is the overall risk level: the highest severity found.
func Risk(r *scan.Result) string {
	c := r.Count()
	switch {
	case c[analyze.Critical] > 0:
		return "CRITICAL"
	case c[analyze.High] > 0:
		return "HIGH"
	case c[analyze.Medium] > 0:
		return "MEDIUM"
	}
	return "LOW"
}
