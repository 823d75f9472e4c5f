package comment

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

// SARIF constants. Code scanning (github/codeql-action/upload-sarif) reads
// version 2.1.0; rule help links point at the generated rule reference.
const (
	sarifVersion   = "2.1.0"
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	toolName       = "Migration Guardian"
	toolURI        = "https://github.com/migration-guardian/guardian"
	rulesDocURI    = "https://github.com/migration-guardian/guardian/blob/main/docs/rules.md"
	// srcRoot is the uriBaseId every location is relative to: the
	// repository root, which the upload step maps to the checkout.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names the partial fingerprint; the /v1 lets the scheme
	// change without mixing old and new alerts.
	fingerprintKey = "migrationGuardian/v1"
)

// The SARIF 2.1.0 objects the guardian writes: only the properties it
// fills, named as the specification names them.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name"`
		ShortDescription     sarifText       `json:"shortDescription"`
		FullDescription      sarifText       `json:"fullDescription"`
		Help                 *sarifHelp      `json:"help,omitempty"`
		HelpURI              string          `json:"helpUri"`
		DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
		Properties           sarifProperties `json:"properties"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifProperties struct {
		Tags []string `json:"tags"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine int `json:"startLine"`
		EndLine   int `json:"endLine"`
	}
)

// SARIF writes the scan result as a SARIF 2.1.0 log with one run: every
// registered rule as a reporting descriptor, and one result per finding
// with its location relative to the repository root (%SRCROOT%) and the
// finding's fingerprint as a partial fingerprint, so code scanning tracks
// an alert across commits that move its lines.
func SARIF(w io.Writer, r *scan.Result) error {
	rules := r.Rules
	if len(rules) == 0 {
		rules = analyze.All()
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           toolName,
			InformationURI: toolURI,
			Version:        ToolVersion(),
			Rules:          make([]sarifRule, 0, len(rules)),
		}},
		Results: make([]sarifResult, 0, len(r.Findings)),
	}
	index := map[string]int{}
	for _, rule := range rules {
		index[rule.Code] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(rule))
	}
	for _, f := range r.Findings {
		i, ok := index[f.Rule]
		if !ok {
			// A finding of a rule the result does not list (should not
			// happen): describe it from the finding itself.
			i = len(run.Tool.Driver.Rules)
			index[f.Rule] = i
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(&analyze.Rule{Code: f.Rule, Name: f.Name, Title: f.Title, Severity: f.Severity}))
		}
		run.Results = append(run.Results, sarifResultOf(f, i))
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages quote SQL such as `a <> b`
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	return nil
}

func sarifRuleOf(r *analyze.Rule) sarifRule {
	title := r.Title
	if title == "" {
		title = r.Name
	}
	full := whyItMatters(r.Doc)
	if full == "" {
		full = title
	}
	out := sarifRule{
		ID:                   r.Code,
		Name:                 r.Name,
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: full},
		HelpURI:              RuleDocURL(r.Code),
		DefaultConfiguration: sarifConfig{Level: SARIFLevel(r.Severity)},
		Properties:           sarifProperties{Tags: ruleTags(r)},
	}
	if r.Doc != "" {
		out.Help = &sarifHelp{Text: full + " See " + RuleDocURL(r.Code) + ".", Markdown: r.Doc}
	}
	return out
}

func sarifResultOf(f analyze.Finding, ruleIndex int) sarifResult {
	text := f.Message
	if f.Advice != "" {
		text += "\n\nNext step: " + f.Advice
	}
	res := sarifResult{RuleID: f.Rule, RuleIndex: ruleIndex, Level: SARIFLevel(f.Severity), Message: sarifText{Text: text}}
	if f.Path != "" {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(f.Path), URIBaseID: srcRoot}}}
		if f.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line, EndLine: max(f.EndLine, f.Line)}
		}
		res.Locations = []sarifLocation{loc}
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{fingerprintKey: f.Fingerprint}
	}
	return res
}

// SARIFLevel maps a severity to a SARIF result level: critical is an
// error, high and medium are warnings, optimizations are notes.
func SARIFLevel(s analyze.Severity) string {
	switch s {
	case analyze.Critical, analyze.Never:
		return "error"
	case analyze.High, analyze.Medium:
		return "warning"
	}
	return "note"
}

// RuleDocURL is the address of a rule's section in docs/rules.md.
func RuleDocURL(code string) string {
	return rulesDocURI + "#" + strings.ToLower(code)
}

// ruleFamilies names the rule families for SARIF tags.
var ruleFamilies = map[string]string{
	"FK": "foreign-keys", "IX": "indexes", "RB": "rollback", "DS": "data-loss",
	"LK": "locking", "BC": "backward-compatibility", "DT": "data-types",
	"SQ": "sequelize-models", "MH": "migration-history", "ER": "mysql-errors",
	"GD": "guardian",
}

func ruleTags(r *analyze.Rule) []string {
	tags := []string{"migrations", "mysql"}
	if fam, ok := ruleFamilies[r.Code[:min(2, len(r.Code))]]; ok {
		tags = append(tags, fam)
	}
	return append(tags, r.Severity.String())
}

// whyItMatters returns the first paragraph of a rule doc's "Why it
// matters" section, joined into one line.
func whyItMatters(doc string) string {
	_, rest, ok := strings.Cut(doc, "## Why it matters")
	if !ok {
		return ""
	}
	var lines []string
	for _, line := range strings.Split(strings.TrimLeft(rest, "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			break
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, " ")
}

// sarifURI escapes a repository-relative path as a URI reference: each
// segment is percent-encoded where needed, slashes are kept.
func sarifURI(p string) string {
	segs := strings.Split(strings.ReplaceAll(p, `\`, "/"), "/")
	for i, s := range segs {
		segs[i] = escapeSegment(s)
	}
	return strings.Join(segs, "/")
}

func escapeSegment(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// ToolVersion is the guardian's version as the Go build records it (the
// module version of a tagged build), or 0.0.0-dev for a local build.
func ToolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "0.0.0-dev"
}
