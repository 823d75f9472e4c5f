package analyze

import (
	"fmt"
	"strings"
)

// Severity orders findings. The zero value is Optimization.
type Severity int

// Severities from least to most serious. Never is only meaningful as a
// fail-on threshold: nothing reaches it.
const (
	Optimization Severity = iota
	Medium
	High
	Critical
	Never
)

var severityNames = [...]string{"optimization", "medium", "high", "critical", "never"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name (case-insensitive). "low" and "info"
// are accepted for optimization, "warning" for medium.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "optimization", "optimisation", "info", "low", "notice":
		return Optimization, nil
	case "medium", "warning":
		return Medium, nil
	case "high":
		return High, nil
	case "critical", "error":
		return Critical, nil
	case "never", "none":
		return Never, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium, optimization or never)", s)
}

// MarshalText implements encoding.TextMarshaler so JSON writes the name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// AnnotationLevel maps a severity to a GitHub check-run annotation level.
func (s Severity) AnnotationLevel() string {
	switch s {
	case Critical, Never:
		return "failure"
	case High, Medium:
		return "warning"
	}
	return "notice"
}
