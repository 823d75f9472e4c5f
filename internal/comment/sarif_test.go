package comment

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
)

// sarifSchemaID is the $id of the vendored OASIS schema
// (testdata/sarif-schema-2.1.0.json, from oasis-tcs/sarif-spec).
const sarifSchemaID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri, uri-reference: helpUri and artifact URIs must be real URIs
	if err := c.AddResource(sarifSchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaID)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

// TestSARIFValidates writes the SARIF log of the sample repository and of
// an empty result and validates both against the SARIF 2.1.0 schema, then
// checks what code scanning relies on beyond the schema.
func TestSARIFValidates(t *testing.T) {
	sch := sarifSchema(t)
	never := analyze.Never
	sample, err := scan.Run(context.Background(), scan.Options{Repo: "../../testdata/sample", FailOn: &never})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	if len(sample.Findings) == 0 {
		t.Fatal("the sample repository has no findings to export")
	}
	tests := []struct {
		name string
		res  *scan.Result
	}{
		{"sample repository", sample},
		{"no findings", &scan.Result{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := SARIF(&buf, tt.res); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("output is not JSON: %v", err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("output violates the SARIF 2.1.0 schema: %v", err)
			}
			checkSARIFContent(t, buf.Bytes(), tt.res)
		})
	}
}

func checkSARIFContent(t *testing.T, out []byte, res *scan.Result) {
	t.Helper()
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID                   string `json:"id"`
						HelpURI              string `json:"helpUri"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
						Properties struct {
							Tags []string `json:"tags"`
						} `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
							EndLine   int `json:"endLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != toolName || run.Tool.Driver.Version == "" {
		t.Errorf("driver = %q %q, want name and version", run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	if len(run.Tool.Driver.Rules) != len(analyze.All()) && len(res.Rules) == 0 {
		t.Errorf("got %d rules, want every registered rule (%d)", len(run.Tool.Driver.Rules), len(analyze.All()))
	}
	for _, r := range run.Tool.Driver.Rules {
		if want := "https://github.com/migration-guardian/guardian/blob/main/docs/rules.md#" + strings.ToLower(r.ID); r.HelpURI != want {
			t.Errorf("rule %s: helpUri %q, want %q", r.ID, r.HelpURI, want)
		}
		if rule := analyze.Lookup(r.ID); rule != nil && r.DefaultConfiguration.Level != SARIFLevel(rule.Severity) {
			t.Errorf("rule %s: level %q, want %q", r.ID, r.DefaultConfiguration.Level, SARIFLevel(rule.Severity))
		}
		if len(r.Properties.Tags) == 0 {
			t.Errorf("rule %s has no tags", r.ID)
		}
	}
	if len(run.Results) != len(res.Findings) {
		t.Fatalf("got %d results, want one per finding (%d)", len(run.Results), len(res.Findings))
	}
	for i, got := range run.Results {
		f := res.Findings[i]
		if got.RuleIndex < 0 || got.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[got.RuleIndex].ID != got.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at %s", i, got.RuleIndex, got.RuleID)
		}
		if got.Level != SARIFLevel(f.Severity) {
			t.Errorf("result %d: level %q, want %q", i, got.Level, SARIFLevel(f.Severity))
		}
		if !strings.HasPrefix(got.Message.Text, f.Message) || (f.Advice != "" && !strings.Contains(got.Message.Text, f.Advice)) {
			t.Errorf("result %d: message %q lacks the finding's message and advice", i, got.Message.Text)
		}
		if f.Path != "" {
			loc := got.Locations[0].PhysicalLocation
			if loc.ArtifactLocation.URI != f.Path || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != f.Line {
				t.Errorf("result %d: location %+v, want %s:%d under %%SRCROOT%%", i, loc, f.Path, f.Line)
			}
		}
		if f.Fingerprint != "" && got.PartialFingerprints[fingerprintKey] != f.Fingerprint {
			t.Errorf("result %d: partial fingerprint %v, want %s", i, got.PartialFingerprints, f.Fingerprint)
		}
	}
}

func TestSARIFLevel(t *testing.T) {
	tests := []struct {
		sev  analyze.Severity
		want string
	}{
		{analyze.Critical, "error"},
		{analyze.High, "warning"},
		{analyze.Medium, "warning"},
		{analyze.Optimization, "note"},
	}
	for _, tt := range tests {
		t.Run(tt.sev.String(), func(t *testing.T) {
			if got := SARIFLevel(tt.sev); got != tt.want {
				t.Errorf("SARIFLevel(%s) = %q, want %q", tt.sev, got, tt.want)
			}
		})
	}
}

func TestSARIFURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"db/migrations/001_x.up.sql", "db/migrations/001_x.up.sql"},
		{"db/my migrations/a#b.sql", "db/my%20migrations/a%23b.sql"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := sarifURI(tt.in); got != tt.want {
				t.Errorf("sarifURI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSARIFSchemaRejects makes sure the vendored schema really constrains
// the output: a log with an unknown level or a missing message fails.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifSchema(t)
	tests := []struct{ name, doc string }{
		{"unknown level", `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"A","level":"fatal","message":{"text":"m"}}]}]}`},
		{"result without message", `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"A"}]}]}`},
		{"zero start line", `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.sql"},"region":{"startLine":0}}}]}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err == nil {
				t.Error("the schema accepted an invalid log")
			}
		})
	}
}
