package verify

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteText writes the report for a terminal: one block per migration with
// each step's time, the refused statement with the server's error number,
// and the schema differences, then a verdict line.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Verified on %s (scratch database %s).\n\n", r.Server, r.Database)
	for _, m := range r.Migrations {
		verdict := "ok"
		if m.Failed() {
			verdict = "FAILED"
		}
		fmt.Fprintf(&b, "%s: %s\n", m.Path, verdict)
		for _, s := range m.Steps {
			fmt.Fprintf(&b, "  %-8s %3d statement(s) in %s\n", s.Name, s.Statements, duration(s.Duration))
			if s.Name == StepDown && s.Duration > RollbackLimit {
				fmt.Fprintf(&b, "    rollback took longer than %s on an empty database\n", RollbackLimit)
			}
			if f := s.Failure; f != nil {
				fmt.Fprintf(&b, "    refused: %s\n    statement: %s\n", f, oneLine(f.Statement))
			}
		}
		if m.NoDown {
			b.WriteString("  no down migration: the rollback was not checked\n")
		}
		for _, d := range m.Leftover {
			fmt.Fprintf(&b, "  down does not restore the schema: %s\n", indent(d.String()))
		}
		for _, d := range m.Rerun {
			fmt.Fprintf(&b, "  up again differs from the first up: %s\n", indent(d.String()))
		}
		for _, s := range m.Skipped {
			fmt.Fprintf(&b, "  not sent: %s\n", s)
		}
	}
	if r.NotRun > 0 {
		fmt.Fprintf(&b, "\n%d later migration(s) not run: the database state after the failure is unknown.\n", r.NotRun)
	}
	problems := 0
	for _, m := range r.Migrations {
		if m.Failed() {
			problems++
		}
	}
	if problems > 0 {
		fmt.Fprintf(&b, "\n%d of %d migration(s) failed verification.\n", problems, len(r.Migrations))
	} else {
		fmt.Fprintf(&b, "\nAll %d migration(s) applied; every checked rollback restored the schema and every up re-ran.\n", len(r.Migrations))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown renders the report as a summary section: a table of the
// migrations with their step times, then the problems.
func Markdown(r *Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### Live verification\n\nApplied on `%s` (scratch database, dropped afterwards).\n\n", escape(r.Server))
	b.WriteString("| Migration | Result | up | down | up again |\n|---|---|---|---|---|\n")
	for _, m := range r.Migrations {
		res := "✅"
		switch {
		case m.Failed():
			res = "❌"
		case m.NoDown:
			res = "⚠️ no down"
		}
		times := map[string]string{}
		for _, s := range m.Steps {
			t := duration(s.Duration)
			if s.Failure != nil {
				t += " ❌"
			}
			times[s.Name] = t
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", escape(m.Path), res, times[StepUp], times[StepDown], times[StepUpAgain])
	}
	b.WriteString("\n")
	for _, m := range r.Migrations {
		if !m.Failed() {
			continue
		}
		fmt.Fprintf(&b, "**`%s`**\n\n", escape(m.Path))
		if f := m.Failure(); f != nil {
			fmt.Fprintf(&b, "- refused: %s\n  ```sql\n  %s\n  ```\n", escape(f.String()), oneLine(f.Statement))
		}
		if m.SlowRollback() {
			fmt.Fprintf(&b, "- the rollback took longer than %s on an empty database\n", RollbackLimit)
		}
		for _, d := range m.Leftover {
			fmt.Fprintf(&b, "- down does not restore the schema: %s\n", escape(d.String()))
		}
		for _, d := range m.Rerun {
			fmt.Fprintf(&b, "- up again differs from the first up: %s\n", escape(d.String()))
		}
		b.WriteString("\n")
	}
	if r.NotRun > 0 {
		fmt.Fprintf(&b, "> %d later migration(s) were not run: the database state after the failure is unknown.\n\n", r.NotRun)
	}
	return b.String()
}

// indent keeps the continuation lines of a multi-line difference (a
// CREATE TABLE) inside their migration's block.
func indent(s string) string {
	return strings.ReplaceAll(s, "\n", "\n      ")
}

// duration rounds for display: milliseconds below a minute.
func duration(d time.Duration) string {
	if d < time.Minute {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

func escape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", "").Replace(s)
}
