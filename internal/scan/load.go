package scan

import (
	"fmt"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/load/sqlmig"
	"github.com/migration-guardian/guardian/internal/sources"
)

// loaded holds the IR of everything discovery found.
type loaded struct {
	tree       sources.Tree
	root       string
	migrations []*ir.Migration
	models     []*ir.Model
	app        []ir.Op
	// problems are files that could not be read or interpreted outside
	// any migration.
	problems []ir.Problem
}

func (l *loaded) load(inv Inventory, res *Result) {
	var sqlFiles []sqlmig.File
	for _, p := range inv.SQL {
		data, err := l.tree.Read(p)
		if err != nil {
			l.problems = append(l.problems, ir.Problem{Span: ir.Span{Path: p, Line: 1, EndLine: 1}, Message: fmt.Sprintf("cannot read the file: %v", err)})
			continue
		}
		sqlFiles = append(sqlFiles, sqlmig.File{Path: p, Data: data})
	}
	l.migrations = append(l.migrations, sqlmig.Load(sqlFiles)...)
	l.loadSequelize(inv, res)
}
