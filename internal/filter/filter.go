// Package filter classifies findings against the change under review (on a
// changed line, in a changed file, or outside the change), applies
// guardian:ignore suppression comments, and gives each finding a
// fingerprint that survives moved lines. Nothing is dropped here except
// suppressed findings.
package filter

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/sources"
)

// Input is what the filter needs besides the findings.
type Input struct {
	// Change is nil in whole-repository mode: every finding is then on a
	// changed line.
	Change *sources.Change
	// Read returns a file's content, for suppression comments.
	Read func(path string) ([]byte, error)
	// Spans lists the statement/call spans of each file, so a suppression
	// before a statement covers all of it.
	Spans map[string][]ir.Span
	// Disabled and Severity are the configured rule settings; they also
	// apply to GD102 and GD103, which the filter reports itself.
	Disabled map[string]bool
	Severity map[string]analyze.Severity
}

// Apply places, suppresses and fingerprints findings. The result is sorted.
func Apply(findings []analyze.Finding, in Input) []analyze.Finding {
	sups := collect(findings, in)
	var out []analyze.Finding
	for _, f := range findings {
		if s := sups.match(f); s != nil {
			s.used = true
			continue
		}
		out = append(out, f)
	}
	out = append(out, sups.report(in)...)
	for i := range out {
		place(&out[i], in.Change)
		out[i].Message = Printable(out[i].Message, maxMessage)
		out[i].Advice = Printable(out[i].Advice, maxMessage)
	}
	analyze.SortFindings(out)
	fingerprint(out)
	return out
}

func place(f *analyze.Finding, c *sources.Change) {
	if c == nil {
		f.Placement, f.InDiff = analyze.OnLine, true
		return
	}
	fc := c.File(f.Path)
	if fc == nil {
		f.Placement, f.InDiff = analyze.Outside, false
		return
	}
	f.Placement = analyze.InFile
	if fc.Status != sources.Deleted {
		for l := f.Line; l <= max(f.EndLine, f.Line); l++ {
			if fc.Lines.IsAdded(l) {
				f.Placement = analyze.OnLine
				break
			}
		}
	}
	f.InDiff = f.Placement == analyze.OnLine
}

var space = regexp.MustCompile(`\s+`)

// maxMessage bounds a finding's message and advice: they quote statement
// text and parser output, which a hostile file can make arbitrarily long.
const maxMessage = 2000

// Printable makes text safe to show in a terminal, a Markdown comment or an
// annotation: invalid UTF-8 and control characters (other than newline and
// tab) become U+FFFD, and text longer than limit runes is cut with "…".
func Printable(text string, limit int) string {
	var b strings.Builder
	n := 0
	for _, r := range strings.ToValidUTF8(text, "\uFFFD") {
		if n == limit {
			b.WriteString("…")
			break
		}
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\uFFFD') {
			r = '\uFFFD'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// Normalize prepares statement text for a fingerprint: case, white space,
// identifier quotes and trailing semicolons do not matter.
func Normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("`", "", `"`, "", "'", "").Replace(s)
	s = space.ReplaceAllString(strings.TrimSpace(s), " ")
	return strings.TrimRight(s, "; ")
}

func fingerprint(fs []analyze.Finding) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		subject := f.Subject
		if subject == "" {
			subject = f.Message
		}
		sum := sha256.Sum256([]byte(f.Rule + "\x00" + f.Path + "\x00" + Normalize(subject)))
		fp := hex.EncodeToString(sum[:8])
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp = fmt.Sprintf("%s-%d", fp, n)
		}
		f.Fingerprint = fp
	}
}

// suppression is one guardian:ignore comment.
type suppression struct {
	path       string
	line       int // the comment's line
	from, to   int // lines covered; 0,0 for file-level
	file       bool
	codes      []string // resolved rule codes
	unknown    []string // names that match no rule
	reason     string
	used       bool
	inChange   bool
	rawKeyword string
}

type suppressions []*suppression

var directive = regexp.MustCompile(`(?:--|#|//|/\*)\s*guardian:(ignore-file|ignore)\b[ \t]*((?:[A-Za-z][A-Za-z0-9_-]*)(?:,\s*[A-Za-z][A-Za-z0-9_-]*)*)?[ \t]*(.*?)\s*(?:\*/\s*)?$`)

// collect reads suppression comments from every file with findings or
// statements.
func collect(findings []analyze.Finding, in Input) suppressions {
	paths := map[string]bool{}
	for _, f := range findings {
		paths[f.Path] = true
	}
	for p := range in.Spans {
		paths[p] = true
	}
	var sorted []string
	for p := range paths {
		if p != "" {
			sorted = append(sorted, p)
		}
	}
	sort.Strings(sorted)
	var out suppressions
	for _, p := range sorted {
		if in.Read == nil {
			break
		}
		data, err := in.Read(p)
		if err != nil {
			continue
		}
		inChange := in.Change == nil
		if fc := in.Change.File(p); fc != nil && fc.Status != sources.Deleted {
			inChange = true
		}
		out = append(out, parse(p, string(data), in.Spans[p], inChange)...)
	}
	return out
}

func parse(path, text string, spans []ir.Span, inChange bool) []*suppression {
	lines := strings.Split(text, "\n")
	var out []*suppression
	for i, line := range lines {
		if !strings.Contains(line, "guardian:ignore") {
			continue
		}
		m := directive.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		s := &suppression{path: path, line: i + 1, file: m[1] == "ignore-file", reason: reasonOf(m[3]), inChange: inChange, rawKeyword: m[1]}
		for _, key := range strings.Split(m[2], ",") {
			key = strings.TrimSpace(key)
			if key == "" {
				continue
			}
			if r := analyze.Lookup(key); r != nil {
				s.codes = append(s.codes, r.Code)
			} else {
				s.unknown = append(s.unknown, key)
			}
		}
		if !s.file {
			s.from = i + 1
			code := strings.TrimSpace(line[:strings.Index(line, m[0])])
			if code == "" {
				// A comment on its own line covers the next statement.
				s.from = nextCodeLine(lines, i+1)
			}
			s.to = s.from
			for _, sp := range spans {
				if sp.Line == s.from && sp.EndLine > s.to {
					s.to = sp.EndLine
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// reasonOf trims the reason text; it ends where another comment starts on
// the same line.
func reasonOf(s string) string {
	for _, marker := range []string{" -- ", " // ", " /* ", " # "} {
		if i := strings.Index(" "+s+" ", marker); i >= 0 {
			s = s[:max(i-1, 0)]
		}
	}
	if strings.HasPrefix(s, "--") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/*") {
		return ""
	}
	return strings.TrimSpace(s)
}

// nextCodeLine returns the 1-based number of the first line at or after
// index i that is not blank and not another suppression comment.
func nextCodeLine(lines []string, i int) int {
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" || (strings.Contains(t, "guardian:ignore") && directive.MatchString(t) && isComment(t)) {
			continue
		}
		return i + 1
	}
	return len(lines)
}

func isComment(t string) bool {
	for _, p := range []string{"--", "#", "//", "/*"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// match returns the valid suppression covering f, or nil. A suppression
// without a reason suppresses nothing (and is reported as GD102).
func (ss suppressions) match(f analyze.Finding) *suppression {
	for _, s := range ss {
		if s.path != f.Path || s.reason == "" {
			continue
		}
		if !s.file && (f.Line < s.from || f.Line > s.to) {
			continue
		}
		for _, c := range s.codes {
			if c == f.Rule {
				return s
			}
		}
	}
	return nil
}

// report returns the GD102 and GD103 findings about the suppressions.
func (ss suppressions) report(in Input) []analyze.Finding {
	var out []analyze.Finding
	add := func(code string, s *suppression, msg, advice string) {
		r := analyze.Lookup(code)
		if r == nil || in.Disabled[r.Code] {
			return
		}
		sev := r.Severity
		if v, ok := in.Severity[r.Code]; ok {
			sev = v
		}
		out = append(out, analyze.Finding{
			Rule: r.Code, Name: r.Name, Severity: sev, Title: r.Title,
			Path: s.path, Line: s.line, EndLine: s.line,
			Message: msg, Advice: advice,
			Subject: fmt.Sprintf("guardian:%s %s", s.rawKeyword, strings.Join(append(append([]string{}, s.codes...), s.unknown...), ",")),
		})
	}
	for _, s := range ss {
		if !s.inChange {
			continue
		}
		switch {
		case len(s.codes) == 0 && len(s.unknown) == 0:
			add("GD102", s, "This guardian:"+s.rawKeyword+" comment names no rule, so it suppresses nothing.",
				"Name the rule and give the reason: `guardian:"+s.rawKeyword+" FK101 parent rows are never deleted`.")
			continue
		case len(s.unknown) > 0:
			add("GD102", s, fmt.Sprintf("guardian:%s names unknown rule(s) %s.", s.rawKeyword, strings.Join(s.unknown, ", ")),
				"Use a rule code (FK101) or name (fk-missing-on-delete); `go run ./cmd/action rules` lists them.")
		}
		if s.reason == "" && len(s.codes) > 0 {
			add("GD102", s, fmt.Sprintf("guardian:%s %s has no reason, so it suppresses nothing.", s.rawKeyword, strings.Join(s.codes, ",")),
				"Say why the finding does not apply after the rule code, e.g. `guardian:ignore DS101 table was emptied in release 41`.")
			continue
		}
		if !s.used && len(s.codes) > 0 && !allDisabled(s.codes, in.Disabled) {
			add("GD103", s, fmt.Sprintf("guardian:%s %s suppresses nothing: no %s finding is reported here.", s.rawKeyword, strings.Join(s.codes, ","), strings.Join(s.codes, "/")),
				"Remove the comment, or move it to the line just above the statement it is meant for.")
		}
	}
	return out
}

func allDisabled(codes []string, disabled map[string]bool) bool {
	for _, c := range codes {
		if !disabled[c] {
			return false
		}
	}
	return true
}
