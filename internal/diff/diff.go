// Package diff parses unified diffs into per-file sets of changed lines and
// answers hunk membership questions.
package diff

// Lines records the head-side (RIGHT) lines of one file's diff.
type Lines struct {
	// Added holds the line numbers of "+" lines.
	Added map[int]bool
	// Hunks are the head-side line ranges of the hunks (context included).
	Hunks []Range
}

// Range is an inclusive range of line numbers.
type Range struct{ Start, End int }

// IsAdded reports whether line is a "+" line.
func (l *Lines) IsAdded(line int) bool { return l != nil && l.Added[line] }

// InHunk reports whether line lies inside a hunk on the head side.
func (l *Lines) InHunk(line int) bool {
	if l == nil {
		return false
	}
	for _, h := range l.Hunks {
		if line >= h.Start && line <= h.End {
			return true
		}
	}
	return false
}
