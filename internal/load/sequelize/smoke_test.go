package sequelize

import (
	"fmt"
	"testing"
)

func TestSmoke(t *testing.T) {
	ms := LoadMigrations([]string{"migrations/20240101000000-create-users.ts"}, Options{Root: "testdata/repo"})
	for _, m := range ms {
		fmt.Printf("%+v\n", m.Problems)
		for _, op := range m.Up {
			fmt.Printf("UP %s %d-%d %s %q %v\n", op.Origin, op.Span.Line, op.Span.EndLine, op.Text, op.NotAnalyzed, op.Attrs)
		}
		for _, op := range m.Down {
			fmt.Printf("DOWN %s %d %s %q\n", op.Origin, op.Span.Line, op.Text, op.NotAnalyzed)
		}
	}
}
