package analyze

// Placement says where a finding sits relative to the change under review.
type Placement int

// Placements, from the most precise to the least.
const (
	// Outside: the finding is not in a changed file (summary only).
	Outside Placement = iota
	// InFile: in a changed file but not on a changed line (file-level comment).
	InFile
	// OnLine: on a changed line (inline comment).
	OnLine
)

func (p Placement) String() string {
	switch p {
	case OnLine:
		return "line"
	case InFile:
		return "file"
	}
	return "outside"
}

// Finding is one problem reported by a rule.
type Finding struct {
	Rule     string   `json:"rule"`
	Name     string   `json:"name"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	EndLine  int      `json:"end_line"`
	Message  string   `json:"message"`
	InDiff   bool     `json:"in_diff"`
	// Placement is set by the filter step.
	Placement Placement `json:"placement"`
	// Title is the rule's one-line title.
	Title string `json:"title,omitempty"`
	// Advice is the next step, shown below the message.
	Advice string `json:"advice,omitempty"`
	// Subject is the normalised statement or attribute text the finding is
	// about; with Rule and Path it makes a fingerprint that survives moved
	// lines.
	Subject string `json:"-"`
	// Suggestion, when set, is a mechanical replacement of lines
	// Line..EndLine (a GitHub suggestion block).
	Suggestion string `json:"suggestion,omitempty"`
	// Fingerprint is stable across runs (rule, path, subject).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Suppressed is true when a guardian:ignore comment covers the finding;
	// suppressed findings are kept out of reports and exit codes.
	Suppressed bool `json:"-"`
}

// MarshalText writes the placement's name in JSON.
func (p Placement) MarshalText() ([]byte, error) { return []byte(p.String()), nil }
