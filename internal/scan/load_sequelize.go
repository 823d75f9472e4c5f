package scan

import (
	"fmt"
	"strings"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/load/sequelize"
	"github.com/migration-guardian/guardian/internal/sources"
)

// loadSequelize evaluates the Sequelize migrations and models in the
// sandbox, and scans application code statically for sync() calls.
func (l *loaded) loadSequelize(inv Inventory, res *Result) {
	o := sequelize.Options{Read: l.tree.Read}
	if _, ok := l.tree.(sources.DirTree); ok {
		o.Root = absRoot(l.root)
	}
	if len(inv.JS) > 0 {
		l.migrations = append(l.migrations, sequelize.LoadMigrations(inv.JS, o)...)
	}
	if len(inv.Models) > 0 {
		models, problems := sequelize.LoadModels(inv.Models, o)
		l.models = append(l.models, models...)
		l.problems = append(l.problems, problems...)
	}
	var app []sequelize.File
	for _, p := range inv.App {
		data, err := l.tree.Read(p)
		if err != nil {
			continue // application code is only scanned for sync(); unreadable files are not migrations
		}
		if !strings.Contains(string(data), "sync") && !strings.Contains(string(data), "dropAllTables") {
			continue
		}
		app = append(app, sequelize.File{Path: p, Data: data})
	}
	for _, c := range sequelize.FindSyncCalls(app) {
		origin, text := "sequelize."+c.Method, c.Receiver+"."+c.Method+"()"
		switch {
		case c.Force:
			origin, text = "sequelize.sync:force", c.Receiver+".sync({ force: true })"
		case c.Alter:
			origin, text = "sequelize.sync:alter", c.Receiver+".sync({ alter: … })"
		}
		l.app = append(l.app, ir.Op{Span: c.Span, Origin: origin, Text: strings.TrimPrefix(text, ".")})
	}
}

// readRC reads .sequelizerc at the repository root, when there is one.
func readRC(tree sources.Tree, files []string, res *Result) sequelizeRC {
	for _, f := range files {
		if f != ".sequelizerc" {
			continue
		}
		data, err := tree.Read(f)
		if err != nil {
			res.Notes = append(res.Notes, fmt.Sprintf(".sequelizerc: %v", err))
			return sequelizeRC{}
		}
		models, migrations, err := sequelize.ReadSequelizeRC(data)
		if err != nil {
			res.Notes = append(res.Notes, fmt.Sprintf(".sequelizerc could not be evaluated (%v); using the default folders", err))
			return sequelizeRC{}
		}
		return sequelizeRC{models: models, migrations: migrations}
	}
	return sequelizeRC{}
}
