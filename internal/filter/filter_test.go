package filter

import (
	"fmt"
	"os"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/diff"
	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/sources"
)

func finding(rule, path string, line int) analyze.Finding {
	r := analyze.Lookup(rule)
	return analyze.Finding{Rule: r.Code, Name: r.Name, Severity: r.Severity, Path: path, Line: line, EndLine: line, Message: rule + " here", Subject: fmt.Sprintf("%s stmt", rule)}
}

func reader(files map[string]string) func(string) ([]byte, error) {
	return func(p string) ([]byte, error) {
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, os.ErrNotExist
	}
}

func TestPlacement(t *testing.T) {
	change := &sources.Change{Files: []*sources.FileChange{
		{Path: "a.sql", Status: sources.Modified, Lines: &diff.Lines{Added: map[int]bool{3: true, 4: true}, Hunks: []diff.Range{{Start: 1, End: 6}}}},
		{Path: "gone.sql", Status: sources.Deleted},
	}}
	tests := []struct {
		name   string
		f      analyze.Finding
		change *sources.Change
		want   analyze.Placement
		inDiff bool
	}{
		{"added line", finding("DS101", "a.sql", 3), change, analyze.OnLine, true},
		{"context line", finding("DS101", "a.sql", 1), change, analyze.InFile, false},
		{"range touching an added line", analyze.Finding{Rule: "DS101", Path: "a.sql", Line: 2, EndLine: 4}, change, analyze.OnLine, true},
		{"unchanged file", finding("DS101", "b.sql", 3), change, analyze.Outside, false},
		{"deleted file", finding("MH101", "gone.sql", 1), change, analyze.InFile, false},
		{"whole repository", finding("DS101", "b.sql", 3), nil, analyze.OnLine, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Apply([]analyze.Finding{tt.f}, Input{Change: tt.change})
			if len(out) != 1 {
				t.Fatalf("got %d findings", len(out))
			}
			if out[0].Placement != tt.want || out[0].InDiff != tt.inDiff {
				t.Errorf("placement %v in_diff %v, want %v %v", out[0].Placement, out[0].InDiff, tt.want, tt.inDiff)
			}
		})
	}
}

func TestFingerprintSurvivesMovedLines(t *testing.T) {
	a := finding("DS101", "m.sql", 3)
	a.Subject = "DROP TABLE `users`;"
	b := a
	b.Line, b.EndLine = 30, 30
	b.Subject = "drop table users"
	fa := Apply([]analyze.Finding{a}, Input{})[0].Fingerprint
	fb := Apply([]analyze.Finding{b}, Input{})[0].Fingerprint
	if fa == "" || fa != fb {
		t.Errorf("fingerprints %q and %q differ for the same statement", fa, fb)
	}
	c := a
	c.Subject = "DROP TABLE orders"
	if fc := Apply([]analyze.Finding{c}, Input{})[0].Fingerprint; fc == fa {
		t.Error("different statements share a fingerprint")
	}
	twice := Apply([]analyze.Finding{a, b}, Input{})
	if twice[0].Fingerprint == twice[1].Fingerprint {
		t.Error("two identical findings in one file must get distinct fingerprints")
	}
}

func TestSuppression(t *testing.T) {
	files := map[string]string{
		"m.sql": `-- guardian:ignore DS101 emptied in release 41
DROP TABLE
  sessions;
DROP TABLE carts; -- guardian:ignore drop-table kept for a week, see OPS-1
DROP TABLE wishes;
-- guardian:ignore DS101,FK101 several reasons apply here
-- guardian:ignore DS102 stacked directives cover the same statement
ALTER TABLE x DROP COLUMN y;
`,
		"f.js": `// guardian:ignore-file FK101 legacy schema, reviewed by DBA
module.exports = {};
`,
	}
	spans := map[string][]ir.Span{"m.sql": {{Path: "m.sql", Line: 2, EndLine: 3}, {Path: "m.sql", Line: 4, EndLine: 4}, {Path: "m.sql", Line: 5, EndLine: 5}, {Path: "m.sql", Line: 8, EndLine: 8}}}
	in := []analyze.Finding{
		finding("DS101", "m.sql", 3), // inside the multi-line statement: suppressed
		finding("DS101", "m.sql", 4), // trailing directive, by rule name: suppressed
		finding("DS101", "m.sql", 5), // not covered: kept
		finding("DS102", "m.sql", 8), // stacked directive: suppressed
		finding("FK101", "f.js", 40), // file-level: suppressed
		finding("FK103", "f.js", 40), // other rule: kept
	}
	out := Apply(in, Input{Read: reader(files), Spans: spans})
	var got []string
	for _, f := range out {
		got = append(got, fmt.Sprintf("%s:%d:%s", f.Path, f.Line, f.Rule))
	}
	want := []string{"f.js:40:FK103", "m.sql:5:DS101", "m.sql:6:GD103"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSuppressionOnlyInChangedFiles(t *testing.T) {
	files := map[string]string{"old.sql": "-- guardian:ignore DS101\nDROP TABLE a;\n"}
	change := &sources.Change{Files: []*sources.FileChange{{Path: "new.sql", Status: sources.Added, Lines: &diff.Lines{Added: map[int]bool{1: true}}}}}
	out := Apply(nil, Input{Read: reader(files), Change: change, Spans: map[string][]ir.Span{"old.sql": nil}})
	if len(out) != 0 {
		t.Errorf("a bad suppression outside the change was reported: %+v", out)
	}
	out = Apply(nil, Input{Read: reader(files), Spans: map[string][]ir.Span{"old.sql": nil}})
	if len(out) != 1 || out[0].Rule != "GD102" {
		t.Errorf("whole repository: got %+v, want one GD102", out)
	}
}

func TestReasonOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"emptied in release 41", "emptied in release 41"},
		{"", ""},
		{"-- want GD102 \"x\"", ""},
		{"kept -- note", "kept"},
		{"a // b", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := reasonOf(tt.in); got != tt.want {
				t.Errorf("reasonOf(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct {
		name, in string
		limit    int
		want     string
	}{
		{"plain", "Dropping `users`.", 100, "Dropping `users`."},
		{"invalid utf-8 (a run becomes one U+FFFD)", "near \"\xff\xfeab\"", 100, "near \"\uFFFDab\""},
		{"control characters", "a\x00b\x1bc\nd\te", 100, "a\uFFFDb\uFFFDc\nd\te"},
		{"cut", "abcdef", 3, "abc…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in, tt.limit); got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
