package action

import (
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/comment"
)

func TestParseInputs(t *testing.T) {
	for _, tc := range []struct {
		name    string
		inputs  map[string]string
		wantErr []string // substrings, one per problem
		check   func(t *testing.T, in Inputs)
	}{
		{name: "defaults", inputs: map[string]string{}, check: func(t *testing.T, in Inputs) {
			if in.FailOn != analyze.Critical || in.FilterMode != comment.FilterAdded || in.MaxComments != 30 ||
				!in.Review || !in.StickySummary || in.CheckName != comment.DefaultCheckName || in.WorkingDirectory != "." {
				t.Errorf("defaults = %+v", in)
			}
		}},
		{name: "all set", inputs: map[string]string{"fail-on": "High", "filter-mode": "nofilter", "max-comments": "0", "review": "false",
			"sticky-summary": "no", "pr-number": "#12", "mysql-version": "8.4", "check-name": "db / review", "working-directory": "services/api"},
			check: func(t *testing.T, in Inputs) {
				if in.FailOn != analyze.High || in.FilterMode != comment.FilterNoFilter || in.MaxComments != 0 || in.Review ||
					in.StickySummary || in.PRNumber != 12 || in.MySQLVersion != "8.4" || in.CheckName != "db / review" {
					t.Errorf("inputs = %+v", in)
				}
			}},
		{name: "bad fail-on", inputs: map[string]string{"fail-on": "urgent"},
			wantErr: []string{`input fail-on: "urgent" is not one of critical, high, medium, optimization, never`}},
		{name: "bad filter-mode", inputs: map[string]string{"filter-mode": "lines"},
			wantErr: []string{`input filter-mode: "lines" is not one of added, diff_context, file, nofilter`}},
		{name: "bad max-comments", inputs: map[string]string{"max-comments": "lots"},
			wantErr: []string{`input max-comments: "lots" is not a whole number from 0 to 100`}},
		{name: "max-comments too large", inputs: map[string]string{"max-comments": "500"},
			wantErr: []string{`input max-comments: "500" is not a whole number from 0 to 100`}},
		{name: "bad booleans", inputs: map[string]string{"review": "maybe", "sticky-summary": "2"},
			wantErr: []string{`input review: "maybe" is not true or false`, `input sticky-summary: "2" is not true or false`}},
		{name: "bad pr-number", inputs: map[string]string{"pr-number": "abc"},
			wantErr: []string{`input pr-number: "abc" is not a pull request number`}},
		{name: "bad mysql-version", inputs: map[string]string{"mysql-version": "latest"},
			wantErr: []string{`input mysql-version: "latest" is not a version like 8.0 or 8.4`}},
		{name: "working-directory outside", inputs: map[string]string{"working-directory": "../other"},
			wantErr: []string{`input working-directory: "../other" must be a path inside the repository`}},
		{name: "sarif-file outside", inputs: map[string]string{"sarif-file": "../x.sarif"},
			wantErr: []string{`input sarif-file: "../x.sarif" must not leave the workspace`}},
		{name: "token never in messages", inputs: map[string]string{"github-token": "ghs_secret", "fail-on": "x"},
			wantErr: []string{"input fail-on"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in, err := ParseInputs(func(k string) string { return tc.inputs[k] })
			if len(tc.wantErr) == 0 {
				if err != nil {
					t.Fatalf("ParseInputs: %v", err)
				}
				tc.check(t, in)
				return
			}
			if err == nil {
				t.Fatalf("ParseInputs succeeded, want errors %q", tc.wantErr)
			}
			msg := err.Error()
			if strings.Contains(msg, "ghs_secret") {
				t.Errorf("the token appears in %q", msg)
			}
			if got := len(strings.Split(msg, "\n")); got != len(tc.wantErr) {
				t.Errorf("%d problems reported, want %d: %s", got, len(tc.wantErr), msg)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}
