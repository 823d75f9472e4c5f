package scan

import "github.com/migration-guardian/guardian/internal/sources"

// loadSequelize is completed once the Sequelize loader lands.
func (l *loaded) loadSequelize(inv Inventory, res *Result) {}

func readRC(tree sources.Tree, files []string, res *Result) sequelizeRC { return sequelizeRC{} }
