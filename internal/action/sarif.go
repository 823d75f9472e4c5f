package action

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/migration-guardian/guardian/internal/scan"
)

// writeSARIF writes a SARIF 2.1.0 log of the findings for code scanning
// (github/codeql-action/upload-sarif).
func writeSARIF(path string, res *scan.Result) error {
	type msg struct {
		Text string `json:"text"`
	}
	type region struct {
		StartLine int `json:"startLine"`
		EndLine   int `json:"endLine"`
	}
	type physical struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region region `json:"region"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	type result struct {
		RuleID              string            `json:"ruleId"`
		Level               string            `json:"level"`
		Message             msg               `json:"message"`
		Locations           []location        `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	}
	type rule struct {
		ID               string `json:"id"`
		Name             string `json:"name,omitempty"`
		ShortDescription msg    `json:"shortDescription"`
	}
	seen := map[string]bool{}
	var rules []rule
	var results []result
	for _, f := range res.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			title := f.Title
			if title == "" {
				title = f.Name
			}
			rules = append(rules, rule{ID: f.Rule, Name: f.Name, ShortDescription: msg{Text: title}})
		}
		level := map[string]string{"failure": "error", "warning": "warning", "notice": "note"}[f.Severity.AnnotationLevel()]
		var loc location
		loc.PhysicalLocation.ArtifactLocation.URI = f.Path
		loc.PhysicalLocation.Region = region{StartLine: max(f.Line, 1), EndLine: max(f.EndLine, f.Line, 1)}
		r := result{RuleID: f.Rule, Level: level, Message: msg{Text: f.Message}, Locations: []location{loc}}
		if f.Fingerprint != "" {
			r.PartialFingerprints = map[string]string{"migrationGuardian/v1": f.Fingerprint}
		}
		results = append(results, r)
	}
	if results == nil {
		results = []result{}
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool":    map[string]any{"driver": map[string]any{"name": "Migration Guardian", "informationUri": "https://github.com/migration-guardian/guardian", "rules": rules}},
			"results": results,
		}},
	}
	b, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
