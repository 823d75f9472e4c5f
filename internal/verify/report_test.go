package verify

import (
	"strings"
	"testing"
	"time"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

func TestReportRendering(t *testing.T) {
	ok := &MigrationReport{Path: "db/1.up.sql", RoundTrip: true, Steps: []StepReport{
		{Name: StepUp, Statements: 1, Duration: 20 * time.Millisecond},
		{Name: StepDown, Statements: 1, Duration: 10 * time.Millisecond},
		{Name: StepUpAgain, Statements: 1, Duration: 20 * time.Millisecond},
	}}
	slow := &MigrationReport{Path: "db/2.up.sql", RoundTrip: true, Steps: []StepReport{
		{Name: StepUp, Statements: 1, Duration: time.Second},
		{Name: StepDown, Statements: 1, Duration: RollbackLimit + time.Second},
		{Name: StepUpAgain, Statements: 1, Duration: time.Second},
	}}
	refused := &MigrationReport{Path: "db/3.up.sql", RoundTrip: true, Steps: []StepReport{
		{Name: StepUp, Statements: 1},
		{Name: StepDown, Statements: 1, Failure: &Failure{Path: "db/3.down.sql", Line: 4, Statement: "ALTER TABLE t\n  DROP COLUMN x", Code: 1091, SQLState: "42000", Message: "Can't DROP COLUMN `x`; check that it exists"}},
	}}
	leftover := &MigrationReport{Path: "db/4.up.sql", RoundTrip: true, Steps: ok.Steps,
		Leftover: []schema.Difference{{Kind: "column", Table: "t", Name: "c", Change: "extra", After: "`c` int DEFAULT NULL"}}}
	noDown := &MigrationReport{Path: "db/5.up.sql", NoDown: true, Steps: ok.Steps[:1]}

	tests := []struct {
		name     string
		report   *Report
		failed   bool
		text     []string
		markdown []string
	}{
		{"all good", &Report{Server: "8.0.36", Migrations: []*MigrationReport{ok, noDown}}, false,
			[]string{"db/1.up.sql: ok", "up again   1 statement(s) in 20ms", "no down migration", "All 2 migration(s) applied"},
			[]string{"| `db/1.up.sql` | ✅ | 20ms | 10ms | 20ms |", "| `db/5.up.sql` | ⚠️ no down |"}},
		{"slow rollback", &Report{Server: "8.0.36", Migrations: []*MigrationReport{slow}}, true,
			[]string{"db/2.up.sql: FAILED", "rollback took longer than 5m0s"},
			[]string{"| `db/2.up.sql` | ❌ | 1s | 5m1s | 1s |", "the rollback took longer than 5m0s"}},
		{"refused statement", &Report{Server: "8.0.36", Migrations: []*MigrationReport{ok, refused}, NotRun: 2}, true,
			[]string{"refused: db/3.down.sql:4: ERROR 1091 (42000): Can't DROP COLUMN `x`", "statement: ALTER TABLE t DROP COLUMN x", "2 later migration(s) not run"},
			[]string{"| `db/3.up.sql` | ❌ | 0s | 0s ❌ |  |", "ALTER TABLE t DROP COLUMN x", "2 later migration(s) were not run"}},
		{"leftover", &Report{Server: "8.0.36", Migrations: []*MigrationReport{leftover}}, true,
			[]string{"down does not restore the schema: column `c` of `t` is extra"},
			[]string{"- down does not restore the schema: column `c` of `t` is extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.report.Failed(); got != tt.failed {
				t.Errorf("Failed() = %v, want %v", got, tt.failed)
			}
			var b strings.Builder
			if err := WriteText(&b, tt.report); err != nil {
				t.Fatal(err)
			}
			md := Markdown(tt.report)
			for _, w := range tt.text {
				if !strings.Contains(b.String(), w) {
					t.Errorf("text lacks %q:\n%s", w, b.String())
				}
			}
			for _, w := range tt.markdown {
				if !strings.Contains(md, w) {
					t.Errorf("markdown lacks %q:\n%s", w, md)
				}
			}
		})
	}
}

func TestStatement(t *testing.T) {
	create := &schema.CreateTable{Table: &schema.Table{Name: "w", Columns: []*schema.Column{{Name: "id", Type: schema.Type{Base: "int"}}}}}
	tests := []struct {
		name       string
		kind       string
		op         ir.Op
		stmt, skip string
	}{
		{"sql text as written", "sql", ir.Op{Text: "ALTER TABLE t ADD COLUMN c INT", Change: &schema.AlterTable{Table: "t"}}, "ALTER TABLE t ADD COLUMN c INT", ""},
		{"sql not interpreted is still sent", "sql", ir.Op{Text: "CREATE PROCEDURE p() BEGIN END"}, "CREATE PROCEDURE p() BEGIN END", ""},
		{"sequelize call rendered", "sequelize", ir.Op{Origin: "sequelize.createTable", Text: "queryInterface.createTable(...)", Change: create}, "CREATE TABLE `w` (\n  `id` int NOT NULL\n)", ""},
		{"sequelize.query as written", "sequelize", ir.Op{Origin: "sequelize.query", Text: "UPDATE t SET a = 1", Change: &schema.Update{Table: "t"}}, "UPDATE t SET a = 1", ""},
		{"sequelize.query without SQL", "sequelize", ir.Op{Origin: "sequelize.query", Text: "queryInterface.query(...)", NotAnalyzed: "not a string"}, "", "not interpreted (not a string)"},
		{"empty query", "sequelize", ir.Op{Origin: "sequelize.query", Text: "sequelize.query('')", Change: &schema.Other{Kind: "EMPTY"}}, "", "empty statement"},
		{"not interpreted call", "sequelize", ir.Op{Origin: "sequelize.changeColumn", NotAnalyzed: "no type"}, "", "not interpreted (no type)"},
		{"data without values", "sequelize", ir.Op{Origin: "sequelize.bulkInsert", Change: &schema.Insert{Table: "t", Rows: 2}}, "", "values not recorded (INSERT INTO `t`: 2 row(s) (values not recorded))"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stmt, skip := Statement(&ir.Migration{Kind: tt.kind}, &tt.op)
			if stmt != tt.stmt || skip != tt.skip {
				t.Errorf("got (%q, %q), want (%q, %q)", stmt, skip, tt.stmt, tt.skip)
			}
		})
	}
}
