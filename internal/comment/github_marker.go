package comment

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
)

// Hidden markers let a run recognise what earlier runs posted. They are
// HTML comments, invisible in the rendered Markdown.
const (
	// markerPrefix starts a finding's marker: <!-- migration-guardian:fp=X -->.
	markerPrefix = "<!-- migration-guardian:fp="
	// SummaryMarker identifies the sticky summary comment (the Markdown
	// report starts with it).
	SummaryMarker = Marker
	// ReviewMarker identifies the body of the action's reviews.
	ReviewMarker = "<!-- migration-guardian:review -->"
	// resolvedMarker flags a comment edited to say its finding is resolved.
	resolvedMarker = "<!-- migration-guardian:resolved -->"
)

var markerRE = regexp.MustCompile(`<!-- migration-guardian:fp=([A-Za-z0-9._:/+=-]+) -->`)

// FingerprintMarker returns the hidden marker for a fingerprint.
func FingerprintMarker(fingerprint string) string {
	return markerPrefix + fingerprint + " -->"
}

// ParseMarker returns the fingerprint in a comment body written by the
// action, if any.
func ParseMarker(body string) (string, bool) {
	m := markerRE.FindStringSubmatch(body)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// SuggestionFence returns a code fence for s that is longer than any run of
// backticks inside it (at least three), so the suggestion cannot close its
// own block.
func SuggestionFence(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			if run > longest {
				longest = run
			}
			continue
		}
		run = 0
	}
	n := 3
	if longest >= n {
		n = longest + 1
	}
	return strings.Repeat("`", n)
}

// severityIcon gives each severity a glyph for titles.
func severityIcon(s analyze.Severity) string {
	switch s {
	case analyze.Critical, analyze.Never:
		return "🛑"
	case analyze.High:
		return "⚠️"
	case analyze.Medium:
		return "🔶"
	}
	return "💡"
}

// FindingBody renders a finding as a review comment. withSuggestion adds a
// suggestion block; it must only be set when the comment spans exactly the
// finding's lines. The body never mentions line numbers, so a finding that
// moved keeps the same text.
func FindingBody(f analyze.Finding, withSuggestion bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s **%s %s** (%s)", severityIcon(f.Severity), f.Rule, f.Name, f.Severity)
	if f.Title != "" {
		fmt.Fprintf(&b, ": %s", f.Title)
	}
	b.WriteString("\n\n")
	b.WriteString(strings.TrimSpace(f.Message))
	b.WriteString("\n")
	if a := strings.TrimSpace(f.Advice); a != "" {
		b.WriteString("\n")
		b.WriteString(a)
		b.WriteString("\n")
	}
	if withSuggestion && f.Suggestion != "" {
		s := strings.TrimSuffix(f.Suggestion, "\n")
		fence := SuggestionFence(s)
		fmt.Fprintf(&b, "\n%ssuggestion\n%s\n%s\n", fence, s, fence)
	}
	b.WriteString("\n")
	b.WriteString(FingerprintMarker(fingerprintOf(f)))
	return b.String()
}

// fingerprintOf returns the finding's fingerprint, or a stand-in built from
// rule, path and subject (never the line) when the scan left it empty.
func fingerprintOf(f analyze.Finding) string {
	if f.Fingerprint != "" {
		return sanitizeFP(f.Fingerprint)
	}
	subject := f.Subject
	if subject == "" {
		subject = f.Message
	}
	return sanitizeFP(fmt.Sprintf("%s:%s:%x", f.Rule, f.Path, fnv64(subject)))
}

// sanitizeFP keeps a fingerprint within the marker's character set.
func sanitizeFP(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		case strings.ContainsRune("._:/+=-", r):
			return r
		}
		return '_'
	}, s)
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
