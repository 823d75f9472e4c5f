package analyze

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/replay"
	"github.com/migration-guardian/guardian/internal/schema"
)

var ruleRB106 = &Rule{
	Code:     "RB106",
	Name:     "rollback-data-loss",
	Severity: Medium,
	Title:    "Rollback loses data written since deploy",
	Run:      runRB106,
}

// upEffects collects what the up of a step creates (tables, and columns of
// tables it did not create) and drops from tables that held data.
type upEffects struct {
	createdTables  map[string]bool
	createdColumns map[string]bool // table + "." + lower(column)
	droppedTables  map[string]bool
	droppedColumns map[string]bool
}

func effectsOf(st *replay.Step) upEffects {
	e := upEffects{map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}}
	for i := range st.Up {
		r := &st.Up[i]
		if r.Err != nil {
			continue
		}
		switch c := r.Op.Change.(type) {
		case *schema.CreateTable:
			if c.Table != nil && r.Before.Table(c.Table.Name) == nil {
				e.createdTables[c.Table.Name] = true
			}
		case *schema.DropTable:
			for _, n := range c.Names {
				if Existing(r, n) {
					e.droppedTables[n] = true
				}
			}
		case *schema.AlterTable:
			for _, s := range c.Specs {
				switch s := s.(type) {
				case *schema.AddColumn:
					if s.Column != nil && !e.createdTables[c.Table] {
						e.createdColumns[c.Table+"."+strings.ToLower(s.Column.Name)] = true
					}
				case *schema.DropColumn:
					if Existing(r, c.Table) && r.Before.Table(c.Table).Column(s.Name) != nil {
						e.droppedColumns[c.Table+"."+strings.ToLower(s.Name)] = true
					}
				}
			}
		}
	}
	return e
}

func runRB106(p *Pass) error {
	for _, st := range p.Judged() {
		if !st.Migration.HasDown || upFailed(st) {
			continue
		}
		e := effectsOf(st)
		for i := range st.Down {
			r := &st.Down[i]
			if r.Err != nil {
				continue
			}
			var lost, restored, tables []string
			addTable := func(t string) {
				for _, x := range tables {
					if x == t {
						return
					}
				}
				tables = append(tables, t)
			}
			switch c := r.Op.Change.(type) {
			case *schema.DropTable:
				for _, n := range c.Names {
					if e.createdTables[n] {
						lost = append(lost, "table `"+n+"`")
						addTable(n)
					}
				}
			case *schema.CreateTable:
				if c.Table != nil && e.droppedTables[c.Table.Name] {
					restored = append(restored, "table `"+c.Table.Name+"`")
					addTable(c.Table.Name)
				}
			case *schema.AlterTable:
				for _, s := range c.Specs {
					switch s := s.(type) {
					case *schema.DropColumn:
						if e.createdColumns[c.Table+"."+strings.ToLower(s.Name)] {
							lost = append(lost, "column `"+c.Table+"."+s.Name+"`")
							addTable(c.Table)
						}
					case *schema.AddColumn:
						if s.Column != nil && e.droppedColumns[c.Table+"."+strings.ToLower(s.Column.Name)] {
							restored = append(restored, "column `"+c.Table+"."+s.Column.Name+"`")
							addTable(c.Table)
						}
					}
				}
			}
			if len(lost) == 0 && len(restored) == 0 {
				continue
			}
			var parts []string
			if len(lost) > 0 {
				parts = append(parts, fmt.Sprintf("this rollback drops %s, which the up created: everything written to %s since the deploy is lost when you roll back", joinAnd(lost), itThem(len(lost))))
			}
			if len(restored) > 0 {
				parts = append(parts, fmt.Sprintf("this rollback recreates %s, which the up dropped, but empty: the data the up deleted cannot come back this way", joinAnd(restored)))
			}
			msg := strings.ToUpper(parts[0][:1]) + parts[0][1:]
			if len(parts) > 1 {
				msg += "; " + parts[1]
			}
			msg += fmt.Sprintf(". Back up before deploying and again before rolling back: `mysqldump --single-transaction <db> %s`.", strings.Join(tables, " "))
			p.ReportAt(r.Op.Span, "rb106 "+r.Op.Text, msg,
				"Decide whether a rollback should keep the data (leave the table or column in place, and let a later migration remove it) instead of dropping it; if it must drop it, restore from the backup when the data matters.")
		}
	}
	return nil
}

// joinAnd joins items as "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
