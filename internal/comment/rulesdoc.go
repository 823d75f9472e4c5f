package comment

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
)

// The README's rules table sits between these markers; everything between
// them is generated.
const (
	ReadmeRulesBegin = "<!-- rules:begin -->"
	ReadmeRulesEnd   = "<!-- rules:end -->"
)

// RulesMarkdown writes the rule reference, docs/rules.md: an index table
// (code, name, severity, title), then every rule's documentation under an
// anchor named after its lower-case code, which the SARIF helpUri and the
// README table link to.
func RulesMarkdown(w io.Writer, rules []*analyze.Rule) error {
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from the rule registry by `go run ./cmd/action rules --markdown > docs/rules.md`; do not edit by hand. -->\n\n")
	fmt.Fprintf(&b, "Migration Guardian has %d rules. Each has a stable code and a kebab-case name; both work in suppression comments (`-- guardian:ignore CODE reason`) and in the `rules:` section of `.github/migration-guardian.yml`. Critical findings fail the check by default (`fail-on: critical`).\n\n", len(rules))
	b.WriteString(rulesTable(rules, "#"))
	for _, r := range rules {
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n\n## %s %s\n\n", strings.ToLower(r.Code), r.Code, r.Name)
		fmt.Fprintf(&b, "**Severity:** %s\n", r.Severity)
		body := docBody(r.Doc)
		if body == "" {
			body = r.Title + ".\n"
		}
		b.WriteString("\n" + body)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RulesTable is the README's table of rules, linking each code to its
// section of docs/rules.md.
func RulesTable(rules []*analyze.Rule) string {
	return rulesTable(rules, "docs/rules.md#")
}

func rulesTable(rules []*analyze.Rule, link string) string {
	var b strings.Builder
	b.WriteString("| Code | Name | Severity | Title |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](%s%s) | `%s` | %s | %s |\n", r.Code, link, strings.ToLower(r.Code), r.Name, r.Severity, escapeCell(r.Title))
	}
	return b.String()
}

// ReplaceReadmeRules returns readme with the text between the rules
// markers replaced by table. Missing markers are appended at the end.
func ReplaceReadmeRules(readme []byte, table string) []byte {
	s := string(readme)
	i := strings.Index(s, ReadmeRulesBegin)
	j := strings.Index(s, ReadmeRulesEnd)
	if i < 0 || j < i {
		if s != "" && !strings.HasSuffix(s, "\n") {
			s += "\n"
		}
		return []byte(s + "\n" + ReadmeRulesBegin + "\n" + table + ReadmeRulesEnd + "\n")
	}
	var b bytes.Buffer
	b.WriteString(s[:i+len(ReadmeRulesBegin)])
	b.WriteString("\n" + table)
	b.WriteString(s[j:])
	return b.Bytes()
}

// docBody drops a rule doc's "# CODE name" title line and moves its
// headings one level down, leaving fenced code blocks alone.
func docBody(doc string) string {
	lines := strings.Split(strings.TrimSpace(doc), "\n")
	if len(lines) > 0 && strings.HasPrefix(lines[0], "# ") {
		lines = lines[1:]
	}
	fenced := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fenced = !fenced
			continue
		}
		if !fenced && strings.HasPrefix(l, "#") {
			lines[i] = "#" + l
		}
	}
	body := strings.TrimSpace(strings.Join(lines, "\n"))
	if body == "" {
		return ""
	}
	return body + "\n"
}
