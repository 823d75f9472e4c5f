package scan

import (
	"path"
	"sort"
	"strings"

	"github.com/migration-guardian/guardian/internal/config"
	"github.com/migration-guardian/guardian/internal/load/sqlmig"
	"github.com/migration-guardian/guardian/internal/sources"
)

// Default discovery globs for Sequelize files, used when neither the config
// file nor .sequelizerc names them.
var (
	defaultJSMigrations = []string{"**/migrations/**/*.{js,cjs,mjs,ts,cts,mts}"}
	defaultModels       = []string{"**/models/**/*.{js,cjs,mjs,ts,cts,mts}"}
	// testOrBuild are never application code for DS103.
	testOrBuild = []string{
		"**/*.{test,spec}.{js,cjs,mjs,ts,cts,mts,jsx,tsx}",
		"**/{test,tests,__tests__,__mocks__,spec,e2e,fixtures,cypress}/**",
		"{dist,build,out,coverage,.next,.nuxt,tmp}/**",
		"**/{dist,build,out,coverage,.next,.nuxt}/**",
	}
)

var jsExt = map[string]bool{".js": true, ".cjs": true, ".mjs": true, ".ts": true, ".cts": true, ".mts": true, ".jsx": true, ".tsx": true}

// Inventory is what discovery found in the tree.
type Inventory struct {
	SQL        []string // SQL migration candidates
	JS         []string // Sequelize migrations
	Models     []string
	App        []string // other application code
	RCWarnings []string
}

// classifier decides what a path is. The config file's globs win; then
// .sequelizerc; then the common layouts.
type classifier struct {
	cfg                  *config.Config
	sql, js, models, app []string
}

// File kinds.
const (
	kindSQL   = "sql"
	kindJS    = "js"
	kindModel = "model"
	kindApp   = "app"
)

func newClassifier(cfg *config.Config, rc sequelizeRC) *classifier {
	c := &classifier{cfg: cfg, sql: cfg.SQLMigrations, js: cfg.Migrations, models: cfg.Models, app: cfg.App}
	if len(c.sql) == 0 {
		c.sql = sqlmig.DefaultGlobs()
	}
	if len(c.js) == 0 && rc.migrations != "" {
		c.js = []string{strings.TrimSuffix(rc.migrations, "/") + "/**/*.{js,cjs,mjs,ts,cts,mts}"}
	}
	if len(c.js) == 0 {
		c.js = defaultJSMigrations
	}
	if len(c.models) == 0 && rc.models != "" {
		c.models = []string{strings.TrimSuffix(rc.models, "/") + "/**/*.{js,cjs,mjs,ts,cts,mts}"}
	}
	if len(c.models) == 0 {
		c.models = defaultModels
	}
	return c
}

// kind returns what path is, or "" for files the guardian does not read.
func (c *classifier) kind(f string) string {
	if sources.Skipped(f) || c.cfg.Ignored(f) {
		return ""
	}
	ext := path.Ext(f)
	isJS := jsExt[ext] && !strings.HasSuffix(f, ".d.ts")
	switch {
	case ext == ".sql" && config.Match(c.sql, f):
		return kindSQL
	case isJS && config.Match(c.js, f):
		return kindJS
	case isJS && config.Match(c.models, f):
		return kindModel
	case isJS && !config.Match(testOrBuild, f) && (len(c.app) == 0 || config.Match(c.app, f)):
		return kindApp
	}
	return ""
}

// discover sorts the files of the tree by kind.
func (c *classifier) discover(files []string) Inventory {
	var inv Inventory
	for _, f := range files {
		switch c.kind(f) {
		case kindSQL:
			inv.SQL = append(inv.SQL, f)
		case kindJS:
			inv.JS = append(inv.JS, f)
		case kindModel:
			inv.Models = append(inv.Models, f)
		case kindApp:
			inv.App = append(inv.App, f)
		}
	}
	sort.Strings(inv.SQL)
	sort.Strings(inv.JS)
	sort.Strings(inv.Models)
	sort.Strings(inv.App)
	return inv
}

// sequelizeRC is what .sequelizerc says, as repository-relative paths.
type sequelizeRC struct {
	models, migrations string
}
