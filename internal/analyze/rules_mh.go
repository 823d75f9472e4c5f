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
