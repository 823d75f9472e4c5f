package sequelize

import (
	"flag"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// renderOps writes ops one a line: span, origin, transaction flag, the
// change rendered as SQL (or NOT ANALYZED and the reason), then the
// attribute positions.
func renderOps(b *strings.Builder, title string, ops []ir.Op) {
	fmt.Fprintf(b, "%s:\n", title)
	for _, op := range ops {
		tx := ""
		if op.InTransaction {
			tx = " [tx]"
		}
		text := op.Text
		if op.Change != nil {
			text = strings.Join(strings.Fields(schema.RenderChange(op.Change)), " ")
		}
		if op.NotAnalyzed != "" {
			text = "NOT ANALYZED: " + op.NotAnalyzed
		}
		fmt.Fprintf(b, "  %s:%d-%d %s%s %s\n", op.Span.Path, op.Span.Line, op.Span.EndLine, op.Origin, tx, text)
		keys := make([]string, 0, len(op.Attrs))
		for k := range op.Attrs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(b, "    %s @%d\n", k, op.Attrs[k].Line)
		}
	}
}

func renderMigration(m *ir.Migration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "version=%q name=%q convention=%s hasDown=%v dynamic=%v downLine=%d\n", m.Version, m.Name, m.Convention, m.HasDown, m.Dynamic != nil, m.DownSpan.Line)
	for _, p := range m.Problems {
		fmt.Fprintf(&b, "problem %s:%d %s\n", p.Span.Path, p.Span.Line, p.Message)
	}
	renderOps(&b, "up", m.Up)
	renderOps(&b, "down", m.Down)
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", "golden", name+".golden"), []byte(got), *update)
}

func TestMigrationShapesGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/repo/migrations/*.*")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, strings.TrimPrefix(filepath.ToSlash(f), "testdata/repo/"))
	}
	ms := LoadMigrations(paths, Options{Root: "testdata/repo"})
	if len(ms) != len(paths) {
		t.Fatalf("got %d migrations for %d files", len(ms), len(paths))
	}
	for _, m := range ms {
		t.Run(filepath.Base(m.Path), func(t *testing.T) {
			checkGolden(t, "migrations/"+filepath.Base(m.Path), renderMigration(m))
		})
	}
}
