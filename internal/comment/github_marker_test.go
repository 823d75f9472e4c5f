package comment

import (
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
)

func TestSuggestionFence(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{name: "plain", in: "ALTER TABLE t ADD c INT;", want: "```"},
		{name: "one backtick", in: "ALTER TABLE `t` ADD `c` INT;", want: "```"},
		{name: "three backticks", in: "-- ```sql\nSELECT 1;", want: "````"},
		{name: "five backticks", in: "`````", want: "``````"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := SuggestionFence(tc.in); got != tc.want {
				t.Errorf("SuggestionFence(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMarkerRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name   string
		body   string
		want   string
		wantOK bool
	}{
		{name: "marker", body: "text\n\n" + FingerprintMarker("5f29137c3e9751f8"), want: "5f29137c3e9751f8", wantOK: true},
		{name: "rule and path", body: FingerprintMarker("FK101:db/x.sql:ab12"), want: "FK101:db/x.sql:ab12", wantOK: true},
		{name: "no marker", body: "LGTM"},
		{name: "summary marker is not a fingerprint", body: SummaryMarker},
		{name: "broken marker", body: "<!-- migration-guardian:fp= -->"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseMarker(tc.body)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("ParseMarker = %q, %v, want %q, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestFindingBody(t *testing.T) {
	f := analyze.Finding{Rule: "FK101", Name: "fk-missing-on-delete", Severity: analyze.Critical, Path: "m.sql", Line: 4, EndLine: 4,
		Message: "No ON DELETE.", Advice: "State it.", Suggestion: "  FOREIGN KEY (`user_id`) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE", Fingerprint: "abc"}
	for _, tc := range []struct {
		name           string
		suggest        bool
		wantSuggestion bool
	}{
		{name: "with suggestion", suggest: true, wantSuggestion: true},
		{name: "without", suggest: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := FindingBody(f, tc.suggest)
			if got := strings.Contains(body, "```suggestion\n"+f.Suggestion+"\n```"); got != tc.wantSuggestion {
				t.Errorf("suggestion block present = %v, want %v:\n%s", got, tc.wantSuggestion, body)
			}
			if fp, _ := ParseMarker(body); fp != "abc" {
				t.Errorf("fingerprint = %q", fp)
			}
			moved := f
			moved.Line, moved.EndLine = 40, 40
			if FindingBody(moved, tc.suggest) != body {
				t.Errorf("the body depends on the line number")
			}
		})
	}
	t.Run("fallback fingerprint ignores the line", func(t *testing.T) {
		g := f
		g.Fingerprint, g.Subject = "", "FOREIGN KEY (user_id) REFERENCES users (id)"
		h := g
		h.Line = 99
		if fingerprintOf(g) != fingerprintOf(h) || !strings.HasPrefix(fingerprintOf(g), "FK101:m.sql:") {
			t.Errorf("fingerprintOf = %q / %q", fingerprintOf(g), fingerprintOf(h))
		}
	})
}
