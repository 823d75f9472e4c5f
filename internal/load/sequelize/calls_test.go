package sequelize

import (
	"strings"
	"testing"
	"time"

	"github.com/migration-guardian/guardian/internal/schema"
)

func TestQueryInterfaceCalls(t *testing.T) {
	tests := []struct {
		name string
		call string
		want string // the op rendered as SQL, or NOT ANALYZED: reason
	}{
		{"insert", "qi.insert(null, 'users', { email: 'a', name: 'b' })", "-- INSERT INTO `users` (`email`,`name`): 1 row(s) (values not recorded)"},
		{"upsert", "qi.upsert('users', { id: 1, email: 'a' }, { email: 'a' }, { id: 1 })", "-- INSERT INTO `users` (`id`,`email`): 1 row(s) (values not recorded)"},
		{"update", "qi.update(null, 'users', { name: 'x' }, { id: { [Sequelize.Op.in]: [1, 2] } })", "-- UPDATE `users` SET `name` (values not recorded) WHERE `id` IN (1, 2)"},
		{"bulkUpdate no where", "qi.bulkUpdate('users', { active: false }, {})", "-- UPDATE `users` SET `active` (values not recorded)"},
		{"delete", "qi.delete(null, 'users', { id: 3 })", "DELETE FROM `users` WHERE `id` = 3"},
		{"bulkDelete all", "qi.bulkDelete('users', null, {})", "DELETE FROM `users`"},
		{"addIndex options form", "qi.addIndex('users', { fields: ['email'], unique: true, name: 'users_email_unique' })", "ALTER TABLE `users` ADD UNIQUE KEY `users_email_unique` (`email`)"},
		{"addIndex fulltext", "qi.addIndex('posts', ['title', 'body'], { type: 'FULLTEXT' })", "ALTER TABLE `posts` ADD FULLTEXT KEY `posts_title_body` (`title`,`body`)"},
		{"addIndex field objects", "qi.addIndex('posts', [{ name: 'title', length: 20 }, { attribute: 'createdAt', order: 'DESC' }])", "ALTER TABLE `posts` ADD KEY `posts_title_created_at` (`title`(20),`createdAt` DESC)"},
		{"addConstraint primary key", "qi.addConstraint('tags', { fields: ['postId', 'tag'], type: 'primary key' })", "ALTER TABLE `tags` ADD PRIMARY KEY (`postId`,`tag`)"},
		{"addConstraint v5 signature", "qi.addConstraint('users', ['email'], { type: 'unique', name: 'uq_email' })", "ALTER TABLE `users` ADD UNIQUE KEY `uq_email` (`email`)"},
		{"removeIndex by name", "qi.removeIndex('users', 'users_email')", "ALTER TABLE `users` DROP INDEX `users_email`"},
		{"removeConstraint", "qi.removeConstraint('users', 'users_ibfk_1')", "ALTER TABLE `users` DROP CONSTRAINT `users_ibfk_1`"},
		{"addColumn unique first", "qi.addColumn('users', 'code', { type: Sequelize.STRING(8), allowNull: false, unique: true, first: true })", "ALTER TABLE `users` ADD COLUMN `code` varchar(8) NOT NULL FIRST, ADD UNIQUE KEY (`code`)"},
		{"changeColumn with references", "qi.changeColumn('posts', 'userId', { type: Sequelize.INTEGER, references: { model: 'users', key: 'id' }, onDelete: 'cascade' })", "ALTER TABLE `posts` ADD FOREIGN KEY (`userId`) REFERENCES `users` (`id`) ON DELETE CASCADE"},
		{"createTable options", "qi.createTable('logs', { id: { type: Sequelize.BIGINT, primaryKey: true, autoIncrement: true }, a: Sequelize.STRING, b: Sequelize.STRING }, { charset: 'utf8mb4', collate: 'utf8mb4_bin', comment: 'audit', uniqueKeys: { logs_a_b: { fields: ['a', 'b'] } } })", "CREATE TABLE IF NOT EXISTS `logs` ( `id` bigint NOT NULL AUTO_INCREMENT, `a` varchar(255) DEFAULT NULL, `b` varchar(255) DEFAULT NULL, PRIMARY KEY (`id`), UNIQUE KEY `logs_a_b` (`a`,`b`) ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='audit'"},
		{"table object", "qi.dropTable({ tableName: 'old', schema: 'app' })", "DROP TABLE IF EXISTS `old`"},
		{"model as table", "qi.bulkInsert(class extends Sequelize.Model { static getTableName() { return 'things'; } }, [{ a: 1 }])", "-- INSERT INTO `things` (`a`): 1 row(s) (values not recorded)"},
		{"column name not a string", "qi.removeColumn('users', 42)", "NOT ANALYZED: queryInterface.removeColumn: the column name is not a string (42)"},
		{"no type", "qi.addColumn('users', 'x', { allowNull: false })", "NOT ANALYZED: queryInterface.addColumn(\"users\", \"x\"): the attribute has no type"},
		{"unsupported type", "qi.addColumn('users', 'x', { type: Sequelize.ARRAY(Sequelize.STRING) })", "NOT ANALYZED: queryInterface.addColumn(\"users\", \"x\"): DataTypes.ARRAY has no MySQL rendering"},
		{"query not a string", "qi.sequelize.query({ foo: 1 })", "NOT ANALYZED: sequelize.query was given SQL that is not a string: [object Object]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "const { Sequelize } = require('sequelize');\nmodule.exports = {\n  async up(qi) {\n    await " + tt.call + ";\n  },\n};\n"
			ms := LoadMigrations([]string{"m.js"}, memOptions(map[string]string{"m.js": src}, 2*time.Second))
			m := ms[0]
			if len(m.Problems) > 0 || len(m.Up) != 1 {
				t.Fatalf("problems %+v up %+v", m.Problems, m.Up)
			}
			op := m.Up[0]
			got := op.Text
			if op.Change != nil {
				got = strings.Join(strings.Fields(schema.RenderChange(op.Change)), " ")
			}
			if op.NotAnalyzed != "" {
				got = "NOT ANALYZED: " + op.NotAnalyzed
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if op.Span.Path != "m.js" || op.Span.Line != 4 {
				t.Errorf("span %+v", op.Span)
			}
		})
	}
}

func TestTsconfigPathsAndOrder(t *testing.T) {
	files := map[string]string{
		"tsconfig.json": `{
  // comments and trailing commas, as tsc allows
  "compilerOptions": {
    "baseUrl": ".",
    "paths": { "@db/*": ["src/db/*"], },
  },
}`,
		"src/db/columns.ts":               "import { DataTypes } from 'sequelize';\nexport const id = { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true };\n",
		"src/migrations/002-second.ts":    "import { id } from '@db/columns';\nexport async function up(qi: any) {\n  await qi.createTable('b', { id });\n}\n",
		"src/migrations/001-first.ts":     "export async function up(qi: any) {\n  await qi.createTable('a', { id: { type: 'INT' } });\n}\n",
		"src/migrations/010-tenth.js":     "exports.up = (qi) => qi.dropTable('c');\n",
		"src/migrations/003-decorated.ts": "function log(t: any) { return t; }\n@log\nclass C {}\nexport async function up(qi: any) {\n  await qi.dropTable('d');\n}\n",
	}
	paths := []string{"src/migrations/010-tenth.js", "src/migrations/002-second.ts", "src/migrations/003-decorated.ts", "src/migrations/001-first.ts"}
	ms := LoadMigrations(paths, memOptions(files, 2*time.Second))
	var order []string
	for _, m := range ms {
		order = append(order, m.Version)
		if len(m.Problems) > 0 || len(m.Up) != 1 || m.Up[0].Change == nil {
			t.Errorf("%s: problems %+v up %+v", m.Path, m.Problems, m.Up)
		}
	}
	if strings.Join(order, ",") != "001,002,003,010" {
		t.Errorf("order %v", order)
	}
	if ct, ok := ms[1].Up[0].Change.(*schema.CreateTable); !ok || ct.Table.PrimaryKey() == nil {
		t.Errorf("the @db/* import did not resolve: %+v", ms[1].Up[0])
	}
}

func TestOddPaths(t *testing.T) {
	p := "db/my migrations/001 init#1.ts"
	files := map[string]string{p: "export async function up(qi: any) {\n\n  await qi.dropTable('x');\n}\n"}
	m := LoadMigrations([]string{p}, memOptions(files, time.Second))[0]
	if len(m.Up) != 1 || m.Up[0].Span.Path != p || m.Up[0].Span.Line != 3 || m.Up[0].Attrs != nil {
		t.Fatalf("problems %+v up %+v", m.Problems, m.Up)
	}
}

func TestBatchAttribution(t *testing.T) {
	files := map[string]string{
		"m/1.js":      "const h = require('./helper');\nmodule.exports = { up: (qi) => qi.dropTable(h.name) };\n",
		"m/2.js":      "const x = require('./nowhere');\nmodule.exports = { up: (qi) => qi.dropTable('b') };\n",
		"m/3.ts":      "import { name } from './helper';\nexport const up = (qi: any) => qi.dropTable(name);\n",
		"m/helper.js": "exports.name = 'shared';\n",
	}
	ms := LoadMigrations([]string{"m/1.js", "m/2.js", "m/3.ts"}, memOptions(files, time.Second))
	var got []string
	for _, m := range ms {
		var ps []string
		for _, p := range m.Problems {
			ps = append(ps, p.Span.Path+":"+string(rune('0'+p.Span.Line))+" "+p.Message)
		}
		got = append(got, m.Path+" ["+strings.Join(ps, "; ")+"] "+m.Up[0].Text)
	}
	want := []string{
		"m/1.js [] DROP TABLE IF EXISTS `shared`",
		"m/2.js [m/2.js:1 cannot resolve local import \"./nowhere\"] DROP TABLE IF EXISTS `b`",
		"m/3.ts [] DROP TABLE IF EXISTS `shared`",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
