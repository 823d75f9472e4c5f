package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
)

var ruleGD101 = &Rule{
	Code:     "GD101",
	Name:     "not-analyzed",
	Severity: Medium,
	Title:    "A statement, call or file could not be interpreted",
	Run:      runGD101,
}

// runGD101 reports what the loaders could not interpret, so nothing is
// skipped silently. Problems outside migrations are reported by the scan.
func runGD101(p *Pass) error {
	for _, st := range p.Judged() {
		m := st.Migration
		for _, pr := range m.Problems {
			p.ReportAt(pr.Span, pr.Message, "Not analyzed: "+pr.Message,
				"Review this file by hand; the guardian could not check it.")
		}
		for _, ops := range [][]ir.Op{m.Up, m.Down} {
			for i := range ops {
				op := &ops[i]
				if op.NotAnalyzed == "" {
					continue
				}
				if op.Change != nil {
					p.ReportAt(op.Span, op.Text, "Partly analyzed: the guardian replayed this statement except "+strings.TrimSuffix(op.NotAnalyzed, ".")+".",
						"Review that part by hand.")
					continue
				}
				p.ReportAt(op.Span, op.Text, "Not analyzed: "+strings.TrimSuffix(op.NotAnalyzed, ".")+".",
					"Review this statement by hand, or rewrite it in a form the guardian can read (a literal SQL string, a plain queryInterface call).")
			}
		}
	}
	return nil
}

var ruleGD102 = &Rule{
	Code:     "GD102",
	Name:     "bad-suppression",
	Severity: Medium,
	Title:    "A suppression comment names an unknown rule or gives no reason",
}

var ruleGD103 = &Rule{
	Code:     "GD103",
	Name:     "unused-suppression",
	Severity: Optimization,
	Title:    "A suppression comment suppresses nothing",
}

// quoteList renders names as `a`, `b` and `c`.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
