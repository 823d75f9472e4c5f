package sequelize

import (
	"strings"
	"testing"
	"time"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// loadOne loads one in-memory migration.
func loadOne(t *testing.T, src string) *ir.Migration {
	t.Helper()
	ms := LoadMigrations([]string{"migrations/x.js"}, memOptions(map[string]string{"migrations/x.js": src}, 2*time.Second))
	return ms[0]
}

func TestDataTypes(t *testing.T) {
	tests := []struct {
		expr string
		want string // column definition as MySQL stores it
	}{
		{"Sequelize.STRING", "varchar(255) DEFAULT NULL"},
		{"DataTypes.STRING(20)", "varchar(20) DEFAULT NULL"},
		{"DataTypes.STRING({ length: 30, binary: true })", "varchar(30) BINARY DEFAULT NULL"},
		{"DataTypes.CHAR.BINARY", "char(255) BINARY DEFAULT NULL"},
		{"DataTypes.TEXT", "text"},
		{"DataTypes.TEXT('medium')", "mediumtext"},
		{"Sequelize.TEXT('long')", "longtext"},
		{"DataTypes.INTEGER", "int DEFAULT NULL"},
		{"DataTypes.INTEGER(11).UNSIGNED.ZEROFILL", "int(11) unsigned zerofill DEFAULT NULL"},
		{"DataTypes.INTEGER.UNSIGNED", "int unsigned DEFAULT NULL"},
		{"DataTypes.BIGINT", "bigint DEFAULT NULL"},
		{"DataTypes.TINYINT(1)", "tinyint(1) DEFAULT NULL"},
		{"DataTypes.FLOAT", "float DEFAULT NULL"},
		{"DataTypes.FLOAT.UNSIGNED", "float unsigned DEFAULT NULL"},
		{"DataTypes.DOUBLE", "double DEFAULT NULL"},
		{"DataTypes.REAL", "double DEFAULT NULL"},
		{"DataTypes.DECIMAL(10, 2)", "decimal(10,2) DEFAULT NULL"},
		{"DataTypes.DECIMAL({ precision: 8, scale: 3 })", "decimal(8,3) DEFAULT NULL"},
		{"DataTypes.DECIMAL", "decimal(10,0) DEFAULT NULL"},
		{"DataTypes.BOOLEAN", "tinyint(1) DEFAULT NULL"},
		{"DataTypes.DATE", "datetime DEFAULT NULL"},
		{"DataTypes.DATE(6)", "datetime(6) DEFAULT NULL"},
		{"DataTypes.DATEONLY", "date DEFAULT NULL"},
		{"DataTypes.TIME", "time DEFAULT NULL"},
		{"DataTypes.UUID", "char(36) BINARY DEFAULT NULL"},
		{"DataTypes.ENUM('a', 'b')", "enum('a','b') DEFAULT NULL"},
		{"DataTypes.ENUM(['a', 'b'])", "enum('a','b') DEFAULT NULL"},
		{"DataTypes.ENUM({ values: ['a', 'b'] })", "enum('a','b') DEFAULT NULL"},
		{"DataTypes.JSON", "json"},
		{"DataTypes.BLOB", "blob"},
		{"DataTypes.BLOB('tiny')", "tinyblob"},
		{"DataTypes.GEOMETRY", "geometry"},
		{"new DataTypes.STRING(12)", "varchar(12) DEFAULT NULL"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			m := loadOne(t, "const { DataTypes, Sequelize } = require('sequelize');\nmodule.exports = { up: (qi) => qi.addColumn('t', 'c', { type: "+tt.expr+" }) };\n")
			if len(m.Up) != 1 || m.Up[0].Change == nil {
				t.Fatalf("up = %+v %+v", m.Up, m.Problems)
			}
			ac := m.Up[0].Change.(*schema.AlterTable).Specs[0].(*schema.AddColumn)
			got := strings.TrimPrefix(ac.Column.DefinitionSQL(), "`c` ")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	tests := []struct {
		attr string
		want string
	}{
		{"type: DataTypes.DATE, defaultValue: DataTypes.NOW", "datetime DEFAULT NULL"},
		{"type: DataTypes.DATE, allowNull: false, defaultValue: Sequelize.NOW", "datetime NOT NULL"},
		{"type: DataTypes.DATE, defaultValue: Sequelize.literal('CURRENT_TIMESTAMP')", "datetime DEFAULT CURRENT_TIMESTAMP"},
		{"type: DataTypes.DATE, defaultValue: Sequelize.fn('NOW')", "datetime DEFAULT CURRENT_TIMESTAMP"},
		{"type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4", "char(36) BINARY DEFAULT NULL"},
		{"type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false", "tinyint(1) NOT NULL DEFAULT '0'"},
		{"type: DataTypes.INTEGER, defaultValue: 7", "int DEFAULT '7'"},
		{"type: DataTypes.STRING, defaultValue: null", "varchar(255) DEFAULT NULL"},
		{"type: DataTypes.STRING.BINARY, defaultValue: 'x'", "varchar(255) BINARY DEFAULT NULL"},
		{"type: DataTypes.TEXT, defaultValue: 'x'", "text"},
		{"type: DataTypes.TEXT('long'), defaultValue: 'x'", "longtext DEFAULT 'x'"},
		{"type: DataTypes.INTEGER, primaryKey: true", "int NOT NULL"},
		{"type: DataTypes.INTEGER, autoIncrement: true, allowNull: false", "int NOT NULL AUTO_INCREMENT"},
		{"type: DataTypes.STRING, comment: 'it''s'", "varchar(255) DEFAULT NULL COMMENT 'it''s'"},
	}
	for _, tt := range tests {
		t.Run(tt.attr, func(t *testing.T) {
			attr := strings.ReplaceAll(tt.attr, "''", "\\'")
			m := loadOne(t, "const { DataTypes, Sequelize } = require('sequelize');\nmodule.exports = { up: (qi) => qi.addColumn('t', 'c', { "+attr+" }) };\n")
			if len(m.Up) != 1 || m.Up[0].Change == nil {
				t.Fatalf("up = %+v %+v", m.Up, m.Problems)
			}
			ac := m.Up[0].Change.(*schema.AlterTable).Specs[0].(*schema.AddColumn)
			got := strings.TrimPrefix(ac.Column.DefinitionSQL(), "`c` ")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInertStandIn(t *testing.T) {
	m := loadOne(t, `const lodash = require('lodash');
const dayjs = require('dayjs');
const { v4 } = require('uuid');
module.exports = {
  async up(queryInterface) {
    const x = lodash.chunk([1, 2], 1).map(String).whatever.deep();
    const when = dayjs().add(1, 'day').toDate();
    await queryInterface.bulkInsert('t', [{ id: v4(), when, x: String(x) }]);
  },
};
`)
	if len(m.Up) != 1 || m.Up[0].NotAnalyzed != "" || m.Up[0].Span.Line != 8 {
		t.Fatalf("up = %+v problems %+v", m.Up, m.Problems)
	}
}

func TestDynamic(t *testing.T) {
	src := `module.exports = {
  async up(queryInterface, Sequelize) {
    const table = await queryInterface.describeTable('users');
    if (!table.nickname) {
      await queryInterface.addColumn('users', 'nickname', { type: Sequelize.STRING });
    }
    await queryInterface.renameColumn('users', 'email', 'emailAddress');
    await queryInterface.removeColumn('users', 'teamId');
    const fks = await queryInterface.getForeignKeyReferencesForTable('users');
    for (const fk of fks) await queryInterface.removeConstraint('users', fk.constraintName);
  },
};
`
	m := loadOne(t, src)
	if m.Dynamic == nil {
		t.Fatal("describeTable did not make the migration dynamic")
	}
	intT, _ := schema.ParseType("INT")
	vc, _ := schema.ParseType("VARCHAR(100)")
	state := &schema.Schema{Tables: []*schema.Table{{
		Name: "users",
		Columns: []*schema.Column{
			{Name: "id", Type: intT, AutoIncrement: true},
			{Name: "email", Type: vc, Default: &schema.Default{Value: "none"}},
			{Name: "nickname", Type: vc, Nullable: true},
			{Name: "teamId", Type: intT, Nullable: true},
		},
		Indexes:     []*schema.Index{{Name: "PRIMARY", Primary: true, Unique: true, Parts: []schema.IndexPart{{Column: "id"}}}},
		ForeignKeys: []*schema.ForeignKey{{Name: "users_ibfk_1", Columns: []string{"teamId"}, RefTable: "teams", RefColumns: []string{"id"}}},
	}}}
	var got []string
	for _, op := range m.Dynamic(ir.Up, state) {
		got = append(got, strings.Join(strings.Fields(op.Text), " ")+" @"+string(rune('0'+op.Span.Line)))
	}
	want := []string{
		"ALTER TABLE `users` CHANGE COLUMN `email` `emailAddress` varchar(100) NOT NULL DEFAULT 'none' @7",
		"ALTER TABLE `users` DROP FOREIGN KEY `users_ibfk_1` @8",
		"ALTER TABLE `users` DROP COLUMN `teamId` @8",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("dynamic up:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	t.Run("missing table", func(t *testing.T) {
		ops := m.Dynamic(ir.Up, &schema.Schema{})
		if len(ops) != 1 || !strings.Contains(ops[0].NotAnalyzed, "No description found") || ops[0].Span.Line != 3 {
			t.Errorf("ops = %+v", ops)
		}
	})
}

func TestPluralize(t *testing.T) {
	for in, want := range map[string]string{
		"User": "Users", "person": "people", "Person": "People", "category": "categories", "status": "statuses",
		"box": "boxes", "Address": "Addresses", "bus": "buses", "leaf": "leafs", "child": "children",
		"datum": "data", "users": "users", "equipment": "equipment", "analysis": "analyses", "quiz": "quizzes",
		"UserRole": "UserRoles", "day": "days", "hero": "heros", "matrix": "matrixes", "mouse": "mice",
	} {
		if got := pluralize(in); got != want {
			t.Errorf("pluralize(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"createdAt": "created_at", "Users_userId": "users_user_id", "id": "id", "HTMLPage": "h_t_m_l_page"} {
		if got := underscore(in); got != want {
			t.Errorf("underscore(%q) = %q, want %q", in, got, want)
		}
	}
}
