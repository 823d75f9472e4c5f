package comment

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/scan"
	"github.com/migration-guardian/guardian/internal/testutil"
)

// The -update flag (var update) is declared in schemadiff_test.go.

func sampleResult(t *testing.T) *scan.Result {
	t.Helper()
	never := analyze.Never
	res, err := scan.Run(context.Background(), scan.Options{Repo: filepath.Join("..", "..", "testdata", "sample"), FailOn: &never})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), got, *update)
}

// TestReportsGolden keeps the text and Markdown reports of the sample
// repository stable.
func TestReportsGolden(t *testing.T) {
	res := sampleResult(t)
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"sample.text.golden", func(b *bytes.Buffer) error { return Text(b, res) }},
		{"sample.markdown.golden", func(b *bytes.Buffer) error { return WriteMarkdown(b, res) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, b.Bytes())
		})
	}
}

func TestMarkdownParts(t *testing.T) {
	res := sampleResult(t)
	md := Markdown(res)
	for _, want := range []string{Marker, "### Scan scope", "### Findings by severity", "### Production readiness", "### Next actions", "Risk level: CRITICAL", "❌ Rollback defined (RB101"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	clean := &scan.Result{FailOn: analyze.Critical}
	md = Markdown(clean)
	if !strings.Contains(md, "Risk level: LOW.** No issues found") || strings.Contains(md, "### Findings\n") {
		t.Errorf("clean report:\n%s", md)
	}
}

func TestJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, &scan.Result{FailOn: analyze.Critical}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if f, ok := doc["findings"].([]any); !ok || len(f) != 0 {
		t.Errorf("an empty report must have \"findings\": [], got %v", doc["findings"])
	}
	if _, ok := doc["scope"].(map[string]any); !ok {
		t.Errorf("no scope object: %v", doc)
	}
}

func TestEscapeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a|b", `a\|b`},
		{"line1\nline2", "line1<br>line2"},
		{"x\r\n", "x<br>"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := escapeCell(tt.in); got != tt.want {
				t.Errorf("escapeCell(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
