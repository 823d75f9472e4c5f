package sqlmig

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEListsDefaultGlobs keeps the README's list of default globs in
// step with DefaultGlobs.
func TestREADMEListsDefaultGlobs(t *testing.T) {
	data, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	for _, g := range DefaultGlobs() {
		if !strings.Contains(text, "`"+g+"`") {
			t.Errorf("README.md does not list the default glob %q", g)
		}
	}
}
