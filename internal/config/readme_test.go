package config

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEExampleParses keeps the README's example config valid, and
// checks that it mentions every top-level key the parser knows.
func TestREADMEExampleParses(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "```yaml\npaths:")
	if start < 0 {
		t.Fatal("README.md has no ```yaml config example starting with paths:")
	}
	body := text[start+len("```yaml\n"):]
	body = body[:strings.Index(body, "```")]
	if _, err := Parse("README.md", []byte(body)); err != nil {
		t.Fatalf("the README's example config does not parse: %v", err)
	}
	for _, key := range []string{"paths:", "sql-migrations:", "migrations:", "models:", "app:", "ignore:", "fail-on:", "mysql-version:", "large-tables:", "large-table-threshold:", "max-indexes:", "start-after:", "rules:"} {
		if !strings.Contains(body, key) {
			t.Errorf("the README's example config does not show %s", key)
		}
	}
}
