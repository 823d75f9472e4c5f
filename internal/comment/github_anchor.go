package comment

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/analyze"
	"github.com/migration-guardian/guardian/internal/diff"
	"github.com/migration-guardian/guardian/internal/sources"
)

// FilterMode decides which findings become inline comments, following
// reviewdog's -filter-mode.
type FilterMode string

// Filter modes.
const (
	// FilterAdded puts inline comments only on added ("+") lines.
	FilterAdded FilterMode = "added"
	// FilterDiffContext puts inline comments on any line of a hunk.
	FilterDiffContext FilterMode = "diff_context"
	// FilterFile uses file-level comments for everything in changed files.
	FilterFile FilterMode = "file"
	// FilterNoFilter anchors like diff_context and also annotates findings
	// outside the change.
	FilterNoFilter FilterMode = "nofilter"
)

// ParseFilterMode validates a filter-mode input; empty means added.
func ParseFilterMode(s string) (FilterMode, error) {
	switch m := FilterMode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return FilterAdded, nil
	case FilterAdded, FilterDiffContext, FilterFile, FilterNoFilter:
		return m, nil
	}
	return "", fmt.Errorf("filter-mode %q is not one of added, diff_context, file, nofilter", s)
}

// AnchorKind says where a finding is posted.
type AnchorKind int

// Anchor kinds, from the least precise to the most.
const (
	// AnchorSummary: listed in the summary only.
	AnchorSummary AnchorKind = iota
	// AnchorFile: a file-level comment (subject_type: file).
	AnchorFile
	// AnchorLine: an inline comment on RIGHT-side lines of a hunk.
	AnchorLine
)

// String names the kind: "line", "file" or "summary".
func (k AnchorKind) String() string {
	switch k {
	case AnchorLine:
		return "line"
	case AnchorFile:
		return "file"
	}
	return "summary"
}

// Anchor is the place of one comment, checked against the diff.
type Anchor struct {
	Kind AnchorKind
	Path string
	// Line is the RIGHT-side line of an inline comment; StartLine is set
	// only when the comment spans several lines (StartLine < Line), because
	// GitHub answers 422 for start_line equal to line.
	Line, StartLine int
	// Suggest is true when the comment covers exactly the finding's lines,
	// so a suggestion block replaces the right text.
	Suggest bool
}

// AnchorFor places f against the change under mode. A nil change (whole
// repository) anchors nothing.
func AnchorFor(f analyze.Finding, c *sources.Change, mode FilterMode) Anchor {
	a := Anchor{Path: f.Path}
	fc := c.File(f.Path)
	if fc == nil || fc.Status == sources.Deleted {
		return a
	}
	a.Kind = AnchorFile
	if mode == FilterFile || fc.Lines == nil || f.Line <= 0 {
		return a
	}
	start, end := f.Line, f.EndLine
	if end < start {
		end = start
	}
	ok := func(line int) bool {
		if mode == FilterAdded {
			return fc.Lines.IsAdded(line)
		}
		return fc.Lines.InHunk(line)
	}
	// The whole range inside one hunk, with its last line acceptable: a
	// multi-line comment that a suggestion may replace.
	if ok(end) && sameHunk(fc.Lines.Hunks, start, end) {
		a.Kind, a.Line, a.Suggest = AnchorLine, end, true
		if start < end {
			a.StartLine = start
		}
		return a
	}
	// Otherwise the first acceptable line of the range, without a
	// suggestion.
	for l := start; l <= end; l++ {
		if ok(l) {
			a.Kind, a.Line = AnchorLine, l
			return a
		}
	}
	return a
}

func sameHunk(hunks []diff.Range, start, end int) bool {
	for _, h := range hunks {
		if start >= h.Start && end <= h.End {
			return true
		}
	}
	return false
}
