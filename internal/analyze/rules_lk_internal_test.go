package analyze

import (
	"errors"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
)

func TestAppendClause(t *testing.T) {
	files := map[string]string{
		"m.sql": "-- header\nALTER TABLE orders\n  ADD COLUMN a INT NULL; -- note\nCREATE INDEX i ON orders (a);\n",
	}
	p := &Pass{Files: func(path string) ([]byte, error) {
		if s, ok := files[path]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("no such file")
	}}
	tests := []struct {
		name   string
		op     ir.Op
		clause string
		want   string
	}{
		{"multi-line ALTER keeps the trailing comment",
			ir.Op{Span: ir.Span{Path: "m.sql", Line: 2, EndLine: 3}, Text: "ALTER TABLE orders\n  ADD COLUMN a INT NULL"},
			", ALGORITHM=INSTANT", "ALTER TABLE orders\n  ADD COLUMN a INT NULL, ALGORITHM=INSTANT; -- note"},
		{"CREATE INDEX takes options without commas",
			ir.Op{Span: ir.Span{Path: "m.sql", Line: 4, EndLine: 4}, Text: "CREATE INDEX i ON orders (a)"},
			" ALGORITHM=INPLACE LOCK=NONE", "CREATE INDEX i ON orders (a) ALGORITHM=INPLACE LOCK=NONE;"},
		{"text not found gives no suggestion",
			ir.Op{Span: ir.Span{Path: "m.sql", Line: 4, EndLine: 4}, Text: "DROP TABLE x"}, ", ALGORITHM=INSTANT", ""},
		{"unreadable file gives no suggestion",
			ir.Op{Span: ir.Span{Path: "gone.sql", Line: 1, EndLine: 1}, Text: "ALTER TABLE t"}, ", ALGORITHM=INSTANT", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := p.appendClause(&tc.op, tc.clause); got != tc.want {
				t.Errorf("appendClause = %q, want %q", got, tc.want)
			}
		})
	}
}
