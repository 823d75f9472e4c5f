package comment

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sethvargo/go-githubactions"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/sources"
)

func TestWorkflowAnnotations(t *testing.T) {
	findings := func(sev analyze.Severity, n int, path string) []analyze.Finding {
		var out []analyze.Finding
		for i := 0; i < n; i++ {
			out = append(out, analyze.Finding{Rule: "X101", Name: "x", Severity: sev, Path: path, Line: i + 1, Message: fmt.Sprintf("%s %d", sev, i)})
		}
		return out
	}
	change := &sources.Change{Files: []*sources.FileChange{{Path: "in.sql", Status: sources.Added}}}
	for _, tc := range []struct {
		name                      string
		findings                  []analyze.Finding
		mode                      FilterMode
		errors, warnings, notices int
		wantOmitted               bool
	}{
		{name: "few", findings: append(findings(analyze.Critical, 2, "in.sql"), findings(analyze.Optimization, 1, "in.sql")...), errors: 2, notices: 1},
		{name: "ten per level", findings: append(findings(analyze.Critical, 25, "in.sql"), findings(analyze.High, 12, "in.sql")...), errors: 10, warnings: 10, notices: 1, wantOmitted: true},
		{name: "notices past the cap", findings: findings(analyze.Optimization, 15, "in.sql"), notices: 10, wantOmitted: true},
		{name: "outside the change skipped", findings: findings(analyze.Critical, 3, "out.sql")},
		{name: "outside the change with nofilter", findings: findings(analyze.Critical, 3, "out.sql"), mode: FilterNoFilter, errors: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := &WorkflowAnnotations{Action: githubactions.New(githubactions.WithWriter(&buf)), Mode: tc.mode}
			if err := w.Publish(context.Background(), &scan.Result{Findings: tc.findings, Change: change}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			got := [3]int{strings.Count(out, "::error "), strings.Count(out, "::warning "), strings.Count(out, "::notice")}
			want := [3]int{tc.errors, tc.warnings, tc.notices}
			if got != want {
				t.Errorf("errors, warnings, notices = %v, want %v\n%s", got, want, out)
			}
			if omitted := strings.Contains(out, "more findings are not annotated"); omitted != tc.wantOmitted {
				t.Errorf("omitted notice = %v, want %v", omitted, tc.wantOmitted)
			}
		})
	}
}
