package comment

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
)

// TestRulesDocsFresh fails when docs/rules.md or the README's rules table
// no longer matches the registry. go test ./internal/comment -run
// TestRulesDocsFresh -update regenerates both (docs/rules.md is also
// `go run ./cmd/action rules --markdown > docs/rules.md`).
func TestRulesDocsFresh(t *testing.T) {
	rules := analyze.All()
	var doc bytes.Buffer
	if err := RulesMarkdown(&doc, rules); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       []byte
	}{
		{"docs/rules.md", "../../docs/rules.md", doc.Bytes()},
		{"README.md rules table", "../../README.md", ReplaceReadmeRules(readme, RulesTable(rules))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if *update {
				if err := os.WriteFile(tt.path, tt.want, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			got, err := os.ReadFile(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("%s is stale: regenerate it with `go test ./internal/comment -run TestRulesDocsFresh -update`", tt.name)
			}
		})
	}
}

func TestRulesMarkdown(t *testing.T) {
	rules := analyze.All()
	var b bytes.Buffer
	if err := RulesMarkdown(&b, rules); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, r := range rules {
		t.Run(r.Code, func(t *testing.T) {
			anchor := `<a id="` + strings.ToLower(r.Code) + `"></a>`
			if !strings.Contains(out, anchor) {
				t.Errorf("no anchor %s for the SARIF helpUri", anchor)
			}
			if !strings.Contains(out, "| ["+r.Code+"](#"+strings.ToLower(r.Code)+") | `"+r.Name+"` | "+r.Severity.String()+" |") {
				t.Errorf("index table lacks %s", r.Code)
			}
			if !strings.Contains(out, "## "+r.Code+" "+r.Name+"\n") {
				t.Errorf("no section heading for %s", r.Code)
			}
		})
	}
	if strings.Contains(out, "\n# "+rules[0].Code) {
		t.Error("rule docs keep their top-level heading")
	}
}

func TestReplaceReadmeRules(t *testing.T) {
	table := "| a |\n"
	tests := []struct {
		name, in, want string
	}{
		{"fills the markers", "# X\n\n<!-- rules:begin -->\nold\n<!-- rules:end -->\ntail\n", "# X\n\n<!-- rules:begin -->\n| a |\n<!-- rules:end -->\ntail\n"},
		{"appends missing markers", "# X\n", "# X\n\n<!-- rules:begin -->\n| a |\n<!-- rules:end -->\n"},
		{"idempotent", "<!-- rules:begin -->\n| a |\n<!-- rules:end -->\n", "<!-- rules:begin -->\n| a |\n<!-- rules:end -->\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(ReplaceReadmeRules([]byte(tt.in), table)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
