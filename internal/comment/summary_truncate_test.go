package comment

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

func TestTruncate(t *testing.T) {
	long := strings.Repeat("| FK101 | `m.sql:4` | a finding line with ünïcödé |\n", 3000)
	for _, tc := range []struct {
		name    string
		in      string
		limit   int
		wantCut bool
	}{
		{name: "short text unchanged", in: "# ok\n", limit: MaxCheckSummary},
		{name: "exactly at the limit", in: strings.Repeat("a", 100), limit: 100},
		{name: "check-run summary", in: long, limit: MaxCheckSummary, wantCut: true},
		{name: "comment body", in: long, limit: MaxCommentBody - 1, wantCut: true},
		{name: "open code fence closed", in: "```\n" + long, limit: 5000, wantCut: true},
		{name: "tiny limit", in: long, limit: 10, wantCut: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Truncate(tc.in, tc.limit, "the summary")
			if len(got) > tc.limit || utf8.RuneCountInString(got) > tc.limit {
				t.Fatalf("len = %d, over the limit %d", len(got), tc.limit)
			}
			if !utf8.ValidString(got) {
				t.Errorf("cut inside a character")
			}
			if !tc.wantCut {
				if got != tc.in {
					t.Errorf("text changed")
				}
				return
			}
			if tc.limit > 1000 && !strings.Contains(got, "characters of the summary were cut") {
				t.Errorf("no note about the cut:\n%s", got[len(got)-300:])
			}
			if strings.Count(got, "```")%2 != 0 {
				t.Errorf("code fence left open")
			}
		})
	}
}

func TestStickyBody(t *testing.T) {
	small := &scan.Result{FailOn: analyze.Critical}
	big := &scan.Result{FailOn: analyze.Critical}
	for i := 0; i < 2000; i++ {
		big.Findings = append(big.Findings, analyze.Finding{Rule: "FK101", Name: "fk-missing-on-delete", Severity: analyze.Critical,
			Path: fmt.Sprintf("migrations/%04d_x.up.sql", i), Line: 4, Message: strings.Repeat("A long explanation. ", 10)})
	}
	for _, tc := range []struct {
		name      string
		r         *scan.Result
		want      string
		condensed bool
	}{
		{name: "clean", r: small, want: "no issues"},
		{name: "over the limit: condensed", r: big, want: "more findings", condensed: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := StickyBody(tc.r, "", "0123456789")
			if utf8.RuneCountInString(body) >= MaxCommentBody {
				t.Fatalf("body is %d characters", utf8.RuneCountInString(body))
			}
			if !strings.Contains(body, SummaryMarker) || !strings.Contains(body, tc.want) {
				t.Errorf("body lacks the marker or %q", tc.want)
			}
			if tc.condensed && !strings.Contains(body, "too long for a comment") {
				t.Errorf("condensed body does not say so")
			}
		})
	}
}
