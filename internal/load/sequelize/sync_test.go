package sequelize

import (
	"fmt"
	"strings"
	"testing"
)

func TestFindSyncCalls(t *testing.T) {
	src := `import { sequelize } from './db';
import { User } from './models/user';

interface Opts { force?: boolean }

export async function boot(): Promise<void> {
  await sequelize.sync({ force: true });
  await sequelize.sync({
    alter: { drop: false },
  });
  await User.sync({ force: true });
  await sequelize.sync();
  await sequelize.sync({ force: false, alter: false });
  await sequelize.getQueryInterface().dropAllTables();
  await db.sequelize.sync({ alter: process.env.ALTER === '1' });
}
`
	calls := FindSyncCalls([]File{
		{Path: "src/boot.ts", Data: []byte(src)},
		{Path: "src/broken.ts", Data: []byte("this is not { code")},
	})
	var got []string
	for _, c := range calls {
		got = append(got, fmt.Sprintf("%s:%d-%d %s.%s force=%v alter=%v", c.Span.Path, c.Span.Line, c.Span.EndLine, c.Receiver, c.Method, c.Force, c.Alter))
	}
	want := []string{
		"src/boot.ts:7-7 sequelize.sync force=true alter=false",
		"src/boot.ts:8-10 sequelize.sync force=false alter=true",
		"src/boot.ts:11-11 User.sync force=true alter=false",
		"src/boot.ts:14-14 sequelize.getQueryInterface().dropAllTables force=false alter=false",
		"src/boot.ts:15-15 db.sequelize.sync force=false alter=true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadSequelizeRC(t *testing.T) {
	tests := []struct {
		name, src          string
		models, migrations string
	}{
		{"resolve", "const path = require('path');\n\nmodule.exports = {\n  config: path.resolve('config', 'database.json'),\n  'models-path': path.resolve('src', 'models'),\n  'migrations-path': path.resolve(__dirname, 'db/migrations'),\n};\n", "src/models", "db/migrations"},
		{"join", "const { join } = require('path');\nmodule.exports = { 'models-path': join(process.cwd(), 'app', 'models'), 'migrations-path': './migrations' };\n", "app/models", "migrations"},
		{"only models", "module.exports = { 'models-path': 'lib/models' };\n", "lib/models", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			models, migrations, err := ReadSequelizeRC([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if models != tt.models || migrations != tt.migrations {
				t.Errorf("got %q, %q; want %q, %q", models, migrations, tt.models, tt.migrations)
			}
		})
	}
	t.Run("hostile", func(t *testing.T) {
		if _, _, err := ReadSequelizeRC([]byte("while (true) {}\n")); err == nil {
			t.Error("an endless .sequelizerc returned no error")
		}
		if _, _, err := ReadSequelizeRC([]byte("module.exports = {\n")); err == nil {
			t.Error("a broken .sequelizerc returned no error")
		}
	})
}
