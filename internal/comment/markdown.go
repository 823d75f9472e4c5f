package comment

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

// Marker opens every Markdown summary; the action finds its sticky comment
// by it.
const Marker = "<!-- migration-guardian:summary -->"

// readiness is one line of the production-readiness checklist: the rules
// whose findings mean the item is not ready.
type readiness struct {
	label string
	codes []string // exact codes, or a family prefix ending in "*"
	// warnOnly marks items that are advisory: their findings give ⚠️, not ❌.
	warnOnly bool
}

var checklist = []readiness{
	{label: "Migrations apply cleanly on MySQL 8 (replayed)", codes: []string{"ER101", "FK102", "FK103", "FK104", "FK107", "IX102", "IX103", "IX104", "DT108", "DT109", "MH103"}},
	{label: "Every migration is interpreted (nothing skipped)", codes: []string{"GD101"}, warnOnly: true},
	{label: "Rollback defined", codes: []string{"RB101", "RB102"}},
	{label: "Rollback verified by replay (down restores the schema, up re-runs)", codes: []string{"RB103", "RB104", "RB105"}},
	{label: "Applied migrations left untouched, order kept", codes: []string{"MH101", "MH102"}},
	{label: "Zero-downtime: compatible with the running code, no blocking ALTER", codes: []string{"BC*", "LK*", "DS103"}},
	{label: "No data loss", codes: []string{"DS101", "DS102", "DS104", "DS105", "RB106"}},
	{label: "Data-dependent checks (orphans, duplicates, NULLs) done before deploy", codes: []string{"FK105", "IX105", "BC104"}, warnOnly: true},
	{label: "Indexes and keys", codes: []string{"IX*", "FK101", "FK106", "FK108"}, warnOnly: true},
	{label: "Models match the schema", codes: []string{"SQ*"}, warnOnly: true},
}

func (c readiness) matches(code string) bool {
	for _, p := range c.codes {
		if strings.HasSuffix(p, "*") && strings.HasPrefix(code, strings.TrimSuffix(p, "*")) || p == code {
			return true
		}
	}
	return false
}

// Section adds a titled part to the Markdown summary (the pre-flight plan,
// the schema diff); registered by other files of this package.
type Section func(r *scan.Result) string

var extraSections []Section

// Markdown renders the full summary: scope, counts by severity, the
// production-readiness checklist, the risk level with a deployment
// recommendation, numbered next actions and the findings.
func Markdown(r *scan.Result) string {
	var b strings.Builder
	c := r.Count()
	risk := Risk(r)
	b.WriteString(Marker + "\n")
	b.WriteString("## 🛡️ Migration Guardian\n\n")
	fmt.Fprintf(&b, "**Risk level: %s.** %s\n\n", risk, recommendation(r))

	b.WriteString("### Scan scope\n\n")
	judged, tables := 0, 0
	for _, st := range r.Steps {
		if st.Judged {
			judged++
		}
	}
	if n := len(r.Steps); n > 0 && r.Steps[n-1].After != nil {
		tables = len(r.Steps[n-1].After.Tables)
	}
	fmt.Fprintf(&b, "| | |\n|---|---|\n")
	if r.Change != nil {
		fmt.Fprintf(&b, "| Change | `%s...%s` (%d files) |\n", shortRev(r.Change.Base), shortRev(r.Change.Head), len(r.Change.Files))
	} else {
		fmt.Fprintf(&b, "| Change | whole repository |\n")
	}
	fmt.Fprintf(&b, "| Migrations | %d read, %d under review |\n", r.Scope.Migrations, judged)
	fmt.Fprintf(&b, "| Models | %d |\n", r.Scope.Models)
	fmt.Fprintf(&b, "| Tables after replay | %d |\n", tables)
	fmt.Fprintf(&b, "| Operations interpreted | %d |\n", r.Scope.Operations)
	fmt.Fprintf(&b, "| Not analyzed | %d |\n\n", r.Scope.NotAnalyzed)

	b.WriteString("### Findings by severity\n\n| Severity | Count |\n|---|---|\n")
	for _, s := range []analyze.Severity{analyze.Critical, analyze.High, analyze.Medium, analyze.Optimization} {
		fmt.Fprintf(&b, "| %s %s | %d |\n", icon(s), s, c[s])
	}
	b.WriteString("\n### Production readiness\n\n")
	for _, item := range checklist {
		var hits []string
		seen := map[string]bool{}
		serious := false
		for _, f := range r.Findings {
			if !item.matches(f.Rule) {
				continue
			}
			serious = serious || f.Severity >= analyze.High
			if !seen[f.Rule] {
				seen[f.Rule] = true
				hits = append(hits, f.Rule)
			}
		}
		mark := "✅"
		if len(hits) > 0 {
			// ❌ only for high or critical findings; advice alone is ⚠️.
			mark = "⚠️"
			if serious && !item.warnOnly {
				mark = "❌"
			}
			fmt.Fprintf(&b, "- %s %s (%s)\n", mark, item.label, strings.Join(hits, ", "))
			continue
		}
		fmt.Fprintf(&b, "- %s %s\n", mark, item.label)
	}
	b.WriteString("\n")

	if actions := nextActions(r, 10); len(actions) > 0 {
		b.WriteString("### Next actions\n\n")
		for i, a := range actions {
			fmt.Fprintf(&b, "%d. %s\n", i+1, a)
		}
		b.WriteString("\n")
	}
	for _, s := range extraSections {
		if text := s(r); text != "" {
			b.WriteString(text)
			if !strings.HasSuffix(text, "\n\n") {
				b.WriteString("\n")
			}
		}
	}
	if len(r.Findings) > 0 {
		b.WriteString("### Findings\n\n")
		writeFindingsTable(&b, r.Findings)
		b.WriteString("\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "> **Note:** %s\n", escapeCell(n))
	}
	fmt.Fprintf(&b, "\n<sub>%s</sub>\n", summaryLine(r))
	return b.String()
}

// WriteMarkdown writes Markdown(r) to w.
func WriteMarkdown(w io.Writer, r *scan.Result) error {
	_, err := io.WriteString(w, Markdown(r))
	return err
}

func writeFindingsTable(b *strings.Builder, fs []analyze.Finding) {
	b.WriteString("| Severity | Rule | Location | Finding |\n|---|---|---|---|\n")
	for _, f := range fs {
		msg := escapeCell(f.Message)
		if f.Advice != "" {
			msg += "<br>→ " + escapeCell(f.Advice)
		}
		fmt.Fprintf(b, "| %s %s | `%s` %s | `%s:%d` | %s |\n", icon(f.Severity), f.Severity, f.Rule, f.Name, displayPath(f.Path), f.Line, msg)
	}
}

func recommendation(r *scan.Result) string {
	c := r.Count()
	switch {
	case c[analyze.Critical] > 0:
		return fmt.Sprintf("Do not deploy: fix the %d critical finding(s) first; they predict a failed migration, lost data or a rollback that does not work.", c[analyze.Critical])
	case c[analyze.High] > 0:
		return fmt.Sprintf("Deploy only after addressing the %d high-priority finding(s) or planning around them (maintenance window, expand/contract).", c[analyze.High])
	case c[analyze.Medium] > 0:
		return "Safe to deploy after a review of the medium findings."
	case len(r.Findings) > 0:
		return "Safe to deploy; the optimizations can follow."
	}
	return "No issues found: safe to deploy."
}

// nextActions lists the advice of the most serious findings, one per rule
// and object, most serious first.
func nextActions(r *scan.Result, max int) []string {
	fs := append([]analyze.Finding(nil), r.Findings...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	var out []string
	seen := map[string]bool{}
	for _, f := range fs {
		if len(out) == max {
			break
		}
		text := f.Advice
		if text == "" {
			text = f.Message
		}
		key := f.Rule + text
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, fmt.Sprintf("%s `%s` at `%s:%d`: %s", icon(f.Severity), f.Rule, displayPath(f.Path), f.Line, escapeCell(text)))
	}
	return out
}

func icon(s analyze.Severity) string {
	switch s {
	case analyze.Critical:
		return "🔴"
	case analyze.High:
		return "🟠"
	case analyze.Medium:
		return "🟡"
	}
	return "💡"
}

// escapeCell keeps text inside one Markdown table cell.
func escapeCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r", "")
	return strings.ReplaceAll(s, "\n", "<br>")
}
