package sequelize

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
)

func renderModel(m *ir.Model) string {
	var b strings.Builder
	fmt.Fprintf(&b, "model %s table=%s at %s:%d-%d timestamps=%v paranoid=%v underscored=%v optional=%v\n", m.Name, m.Table, m.Span.Path, m.Span.Line, m.Span.EndLine, m.Timestamps, m.Paranoid, m.Underscored, m.Optional)
	for _, a := range m.Attributes {
		col := "<no column>"
		if a.Column != nil {
			col = strings.Join(strings.Fields(a.Column.DefinitionSQL()), " ")
		}
		fmt.Fprintf(&b, "  attr %s field=%s @%d pk=%v unique=%v implicit=%v virtual=%v default=%v validate=%v %s\n", a.Name, a.Field, a.Span.Line, a.PrimaryKey, a.Unique, a.Implicit, a.Virtual, a.HasDefault, a.Validate, col)
		if a.References != nil {
			fmt.Fprintf(&b, "    references %s(%s) onDelete=%q onUpdate=%q constraint=%v @%d\n", a.References.Table, a.References.Key, a.References.OnDelete, a.References.OnUpdate, a.References.Constraint, a.Attrs["references"].Line)
		}
	}
	for _, ix := range m.Indexes {
		fmt.Fprintf(&b, "  index %s %v unique=%v @%d\n", ix.Name, ix.Fields, ix.Unique, ix.Span.Line)
	}
	for _, as := range m.Associations {
		fmt.Fprintf(&b, "  %s %s -> %s fk=%s as=%s onDelete=%q constraints=%v at %s:%d\n", as.Kind, as.Source, as.Target, as.ForeignKey, as.As, as.OnDelete, as.Constraints, as.Span.Path, as.Span.Line)
	}
	for _, p := range m.Problems {
		fmt.Fprintf(&b, "  problem %s:%d %s\n", p.Span.Path, p.Span.Line, p.Message)
	}
	return b.String()
}

func TestModelsGolden(t *testing.T) {
	paths := []string{"models/user.ts", "models/category.js", "models/post.ts", "models/team.ts", "models/person.js", "models/index.ts", "models/base.ts", "models/audit.ts"}
	models, problems := LoadModels(paths, Options{Root: "testdata/repo"})
	sort.Slice(models, func(i, j int) bool { return models[i].Name < models[j].Name })
	var b strings.Builder
	for _, m := range models {
		b.WriteString(renderModel(m))
	}
	for _, p := range problems {
		fmt.Fprintf(&b, "problem %s:%d %s\n", p.Span.Path, p.Span.Line, p.Message)
	}
	checkGolden(t, "models", b.String())
}
