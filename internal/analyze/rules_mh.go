package analyze

import (
	"fmt"
	"path"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/load/sqlmig"
)

var ruleMH101 = &Rule{
	Code:     "MH101",
	Name:     "applied-migration-edited",
	Severity: Critical,
	Title:    "Migration that exists on the base branch was modified, renamed or deleted",
	Run:      runMH101,
}

func runMH101(p *Pass) error {
	if !p.Settings.Base {
		return nil
	}
	onBase := map[string]bool{}
	for _, b := range p.Settings.BaseMigrations {
		onBase[b] = true
	}
	for _, bp := range p.Settings.BaseMigrations {
		for head, status := range p.Settings.Changed {
			old := head
			if o, ok := p.Settings.OldPaths[head]; ok {
				old = o
			}
			if old != bp || status == "added" {
				continue
			}
			verb := map[string]string{"modified": "modified", "renamed": "renamed", "deleted": "deleted"}[status]
			if verb == "" {
				continue
			}
			what := fmt.Sprintf("Migration `%s` already exists on the base branch and this change %s it", bp, verb)
			if status == "renamed" {
				what += fmt.Sprintf(" (to `%s`)", head)
			}
			p.ReportAt(ir.Span{Path: head, Line: 1, EndLine: 1}, status+" "+bp,
				what+": databases where it has already run will not run it again, so they drift from fresh ones.",
				"Restore the original file and write a new migration that makes the further change.")
		}
	}
	return nil
}

var ruleMH102 = &Rule{
	Code:     "MH102",
	Name:     "migration-out-of-order",
	Severity: High,
	Title:    "New migration sorts before the newest migration on the base branch",
	Run:      runMH102,
}

func runMH102(p *Pass) error {
	if !p.Settings.Base {
		return nil
	}
	var newest *ir.Migration
	for _, st := range p.Steps {
		m := st.Migration
		if isAdded(p, m) || m.Version == "" {
			continue
		}
		if newest == nil || sqlmig.CompareVersions(m.Version, newest.Version) > 0 {
			newest = m
		}
	}
	if newest == nil {
		return nil
	}
	for _, st := range p.Steps {
		m := st.Migration
		if !isAdded(p, m) || m.Version == "" || m.Kind != newest.Kind {
			continue
		}
		if sqlmig.CompareVersions(m.Version, newest.Version) < 0 {
			p.ReportAt(ir.Span{Path: m.Path, Line: 1, EndLine: 1}, "order "+m.Path,
				fmt.Sprintf("New migration `%s` (version %s) sorts before `%s` (version %s), which is already on the base branch: databases that ran %s will skip it or run it out of order.", path.Base(m.Path), m.Version, path.Base(newest.Path), newest.Version, newest.Version),
				"Give it a version after the newest existing migration (regenerate its timestamp) and check that it does not depend on running earlier.")
		}
	}
	return nil
}

func isAdded(p *Pass, m *ir.Migration) bool {
	for _, f := range m.Paths {
		if p.Settings.Changed[f] != "added" {
			return false
		}
	}
	return len(m.Paths) > 0
}

var ruleMH103 = &Rule{
	Code:     "MH103",
	Name:     "migration-version-collision",
	Severity: Critical,
	Title:    "Two migrations share the same version prefix",
	Run:      runMH103,
}

// runMH103 reports a migration whose version equals an earlier one's in the
// same folder and of the same kind, at the later of the two, when either
// is under review.
func runMH103(p *Pass) error {
	for i, st := range p.Steps {
		m := st.Migration
		if m.Version == "" {
			continue
		}
		for _, prev := range p.Steps[:i] {
			o := prev.Migration
			if o.Kind != m.Kind || o.Version == "" || migrationDir(o) != migrationDir(m) || sqlmig.CompareVersions(o.Version, m.Version) != 0 {
				continue
			}
			if !st.Judged && !prev.Judged {
				break
			}
			both := fmt.Sprintf("`%s` and `%s` both have version %s", o.Path, m.Path, m.Version)
			// The later file carries the finding, unless only the earlier
			// one is under review (a new file that sorts first).
			at := m
			if !st.Judged {
				at = o
			}
			f := Finding{Path: at.Path, Line: 1, EndLine: 1, Subject: "version " + m.Version + " " + at.Path}
			switch {
			case m.Kind == "sequelize" || m.Convention == sqlmig.ConvSQLMigrate:
				// These tools record each migration by its file name: both
				// run, ordered by the rest of the name only.
				f.Severity = High
				f.Message = both + ": the migration tool records migrations by file name, so both run, but their order is decided only by the rest of the file names, not by when they were written; other environments may already have run one of them without the other."
			default:
				f.Message = both + ": tools that key migrations by version refuse to run with a duplicate (golang-migrate, goose and Flyway stop with a duplicate-version error), or record the version once and treat the second file as already applied, so it never runs."
			}
			f.Advice = fmt.Sprintf("Give `%s` a new version after the newest existing migration (regenerate its timestamp or number).", path.Base(at.Path))
			p.Report(f)
			break
		}
	}
	return nil
}

// migrationDir is the folder holding a migration's files; for the folder
// convention (one folder per migration) it is the folder above.
func migrationDir(m *ir.Migration) string {
	d := path.Dir(m.Path)
	if m.Convention == sqlmig.ConvFolder {
		d = path.Dir(d)
	}
	return d
}
