package comment

import (
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/diff"
	"github.com/migration-guardian/guardian/internal/sources"
)

func TestAnchorFor(t *testing.T) {
	// a.sql: hunk 1 covers lines 1-6 with 3-5 added; hunk 2 covers 20-22
	// with 21 added. b.sql has no patch; c.sql is deleted.
	change := &sources.Change{Files: []*sources.FileChange{
		{Path: "a.sql", Status: sources.Modified, Lines: &diff.Lines{
			Added: map[int]bool{3: true, 4: true, 5: true, 21: true},
			Hunks: []diff.Range{{Start: 1, End: 6}, {Start: 20, End: 22}},
		}},
		{Path: "b.sql", Status: sources.Added},
		{Path: "c.sql", Status: sources.Deleted},
	}}
	for _, tc := range []struct {
		name      string
		mode      FilterMode
		path      string
		line, end int
		want      Anchor
	}{
		{name: "added line", mode: FilterAdded, path: "a.sql", line: 4, want: Anchor{Kind: AnchorLine, Path: "a.sql", Line: 4, Suggest: true}},
		{name: "added range", mode: FilterAdded, path: "a.sql", line: 3, end: 5, want: Anchor{Kind: AnchorLine, Path: "a.sql", Line: 5, StartLine: 3, Suggest: true}},
		{name: "range from context to added", mode: FilterAdded, path: "a.sql", line: 2, end: 4, want: Anchor{Kind: AnchorLine, Path: "a.sql", Line: 4, StartLine: 2, Suggest: true}},
		{name: "range ending on context: first added line, no suggestion", mode: FilterAdded, path: "a.sql", line: 4, end: 6, want: Anchor{Kind: AnchorLine, Path: "a.sql", Line: 4}},
		{name: "context line in added mode", mode: FilterAdded, path: "a.sql", line: 2, want: Anchor{Kind: AnchorFile, Path: "a.sql"}},
		{name: "context line in diff_context mode", mode: FilterDiffContext, path: "a.sql", line: 2, want: Anchor{Kind: AnchorLine, Path: "a.sql", Line: 2, Suggest: true}},
		{name: "range across hunks", mode: FilterDiffContext, path: "a.sql", line: 5, end: 21, want: Anchor{Kind: AnchorLine, Path: "a.sql", Line: 5}},
		{name: "outside the hunks", mode: FilterDiffContext, path: "a.sql", line: 10, want: Anchor{Kind: AnchorFile, Path: "a.sql"}},
		{name: "file mode", mode: FilterFile, path: "a.sql", line: 4, want: Anchor{Kind: AnchorFile, Path: "a.sql"}},
		{name: "nofilter anchors like diff_context", mode: FilterNoFilter, path: "a.sql", line: 20, want: Anchor{Kind: AnchorLine, Path: "a.sql", Line: 20, Suggest: true}},
		{name: "no patch: file level", mode: FilterAdded, path: "b.sql", line: 1, want: Anchor{Kind: AnchorFile, Path: "b.sql"}},
		{name: "deleted file: summary", mode: FilterAdded, path: "c.sql", line: 1, want: Anchor{Kind: AnchorSummary, Path: "c.sql"}},
		{name: "unchanged file: summary", mode: FilterNoFilter, path: "d.sql", line: 1, want: Anchor{Kind: AnchorSummary, Path: "d.sql"}},
		{name: "no line: file level", mode: FilterAdded, path: "a.sql", want: Anchor{Kind: AnchorFile, Path: "a.sql"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := analyze.Finding{Path: tc.path, Line: tc.line, EndLine: tc.end}
			if got := AnchorFor(f, change, tc.mode); got != tc.want {
				t.Errorf("AnchorFor = %+v, want %+v", got, tc.want)
			}
		})
	}
	t.Run("whole repository", func(t *testing.T) {
		if got := AnchorFor(analyze.Finding{Path: "a.sql", Line: 4}, nil, FilterAdded); got.Kind != AnchorSummary {
			t.Errorf("AnchorFor without a change = %+v, want summary", got)
		}
	})
}

func TestParseFilterMode(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    FilterMode
		wantErr bool
	}{
		{in: "", want: FilterAdded},
		{in: "added", want: FilterAdded},
		{in: "Diff_Context", want: FilterDiffContext},
		{in: "file", want: FilterFile},
		{in: "nofilter", want: FilterNoFilter},
		{in: "everything", wantErr: true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseFilterMode(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("ParseFilterMode(%q) = %q, %v", tc.in, got, err)
			}
		})
	}
}
