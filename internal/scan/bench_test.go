package scan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/analyze"
)

// genSQLRepo writes n golang-migrate migrations that build and alter a
// growing set of tables, each with a down, the shape of a long-lived
// service's history.
func genSQLRepo(tb testing.TB, n int) string {
	dir := tb.TempDir()
	mdir := filepath.Join(dir, "db", "migrations")
	if err := os.MkdirAll(mdir, 0o755); err != nil {
		tb.Fatal(err)
	}
	tables := 0
	for i := 1; i <= n; i++ {
		var up, down strings.Builder
		switch {
		case i%5 == 1 || tables == 0:
			tables++
			fmt.Fprintf(&up, "CREATE TABLE t%d (\n  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  name VARCHAR(100) NOT NULL DEFAULT '',\n  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\n", tables)
			if tables > 1 {
				fmt.Fprintf(&up, "ALTER TABLE t%d ADD COLUMN parent_id BIGINT UNSIGNED NULL, ADD CONSTRAINT t%d_parent_fk FOREIGN KEY (parent_id) REFERENCES t%d (id) ON DELETE SET NULL ON UPDATE CASCADE;\n", tables, tables, tables-1)
			}
			fmt.Fprintf(&down, "DROP TABLE t%d;\n", tables)
		case i%5 == 2:
			fmt.Fprintf(&up, "ALTER TABLE t%d ADD COLUMN c%d INT NULL;\n", tables, i)
			fmt.Fprintf(&down, "ALTER TABLE t%d DROP COLUMN c%d;\n", tables, i)
		case i%5 == 3:
			fmt.Fprintf(&up, "CREATE INDEX t%d_name_%d ON t%d (name);\n", tables, i, tables)
			fmt.Fprintf(&down, "DROP INDEX t%d_name_%d ON t%d;\n", tables, i, tables)
		case i%5 == 4:
			fmt.Fprintf(&up, "UPDATE t%d SET name = 'x' WHERE id < 1000;\n", tables)
			fmt.Fprintf(&down, "SELECT 1;\n")
		default:
			fmt.Fprintf(&up, "ALTER TABLE t%d MODIFY name VARCHAR(150) NOT NULL DEFAULT '';\n", tables)
			fmt.Fprintf(&down, "ALTER TABLE t%d MODIFY name VARCHAR(100) NOT NULL DEFAULT '';\n", tables)
		}
		base := filepath.Join(mdir, fmt.Sprintf("%05d_step.", i))
		if err := os.WriteFile(base+"up.sql", []byte(up.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(base+"down.sql", []byte(down.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// BenchmarkScan1000SQLMigrations scans a generated repository of 1,000 SQL
// migrations in whole-repository mode (every migration judged, every
// rollback replayed). Results are recorded in BENCH.md.
func BenchmarkScan1000SQLMigrations(b *testing.B) {
	dir := genSQLRepo(b, 1000)
	never := analyze.Never
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(context.Background(), Options{Repo: dir, FailOn: &never})
		if err != nil {
			b.Fatal(err)
		}
		if res.Scope.Migrations != 1000 {
			b.Fatalf("scope = %+v, want 1000 migrations", res.Scope)
		}
	}
}

func TestGeneratedRepoIsClean(t *testing.T) {
	dir := genSQLRepo(t, 50)
	never := analyze.Never
	res, err := Run(context.Background(), Options{Repo: dir, FailOn: &never})
	if err != nil {
		t.Fatal(err)
	}
	if res.Scope.Migrations != 50 || res.Scope.NotAnalyzed != 0 {
		t.Errorf("scope = %+v", res.Scope)
	}
	for _, f := range res.Findings {
		// Replay failures only; RB106 warns about data a rollback drops.
		if f.Rule == "ER101" || f.Rule == "GD101" || strings.HasPrefix(f.Rule, "RB10") && f.Rule != "RB106" {
			t.Errorf("generated history should replay cleanly: %s:%d %s %s", f.Path, f.Line, f.Rule, f.Message)
		}
	}
}

// genSequelizeRepo writes n Sequelize migrations (half CommonJS
// createTable + addIndex, half TypeScript addColumn + changeColumn, each
// with a down) and models Model.init models.
func genSequelizeRepo(tb testing.TB, n, models int) string {
	dir := tb.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	tables := 0
	for i := 1; i <= n; i++ {
		stamp := fmt.Sprintf("2024%010d", i)
		if i%2 == 1 || tables == 0 {
			tables++
			write(fmt.Sprintf("migrations/%s-create-t%d.js", stamp, tables), fmt.Sprintf(`'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('t%[1]d', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true, allowNull: false },
      name: { type: Sequelize.STRING(100), allowNull: false, defaultValue: '' },
      status: { type: Sequelize.ENUM('new', 'done'), allowNull: false, defaultValue: 'new' },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex('t%[1]d', ['name']);
  },
  async down(queryInterface) {
    await queryInterface.dropTable('t%[1]d');
  },
};
`, tables))
			continue
		}
		write(fmt.Sprintf("migrations/%s-alter-t%d.ts", stamp, tables), fmt.Sprintf(`import { QueryInterface, DataTypes } from 'sequelize';

export async function up(queryInterface: QueryInterface) {
  await queryInterface.addColumn('t%[1]d', 'c%[2]d', { type: DataTypes.INTEGER, allowNull: true });
  await queryInterface.changeColumn('t%[1]d', 'name', { type: DataTypes.STRING(150), allowNull: false, defaultValue: '' });
}

export async function down(queryInterface: QueryInterface) {
  await queryInterface.changeColumn('t%[1]d', 'name', { type: DataTypes.STRING(100), allowNull: false, defaultValue: '' });
  await queryInterface.removeColumn('t%[1]d', 'c%[2]d');
}
`, tables, i))
	}
	for m := 1; m <= models; m++ {
		write(fmt.Sprintf("models/m%d.ts", m), fmt.Sprintf(`import { Model, DataTypes, Sequelize } from 'sequelize';

export class M%[1]d extends Model {}

export function init(sequelize: Sequelize) {
  M%[1]d.init({
    id: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
    name: { type: DataTypes.STRING(150), allowNull: false, defaultValue: '' },
    status: { type: DataTypes.ENUM('new', 'done'), allowNull: false, defaultValue: 'new' },
  }, { sequelize, tableName: 't%[1]d' });
  return M%[1]d;
}
`, m))
	}
	return dir
}

// BenchmarkScan1000SequelizeMigrations100Models scans a generated
// repository of 1,000 JS/TS Sequelize migrations and 100 models in
// whole-repository mode: sandboxed evaluation, replay with rollback
// verification, and every rule. Results are recorded in BENCH.md.
func BenchmarkScan1000SequelizeMigrations100Models(b *testing.B) {
	dir := genSequelizeRepo(b, 1000, 100)
	never := analyze.Never
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(context.Background(), Options{Repo: dir, FailOn: &never})
		if err != nil {
			b.Fatal(err)
		}
		if res.Scope.Migrations != 1000 || res.Scope.Models != 100 || res.Scope.NotAnalyzed != 0 {
			b.Fatalf("scope = %+v, want 1000 migrations, 100 models, nothing skipped", res.Scope)
		}
	}
}

func TestGeneratedSequelizeRepoLoads(t *testing.T) {
	dir := genSequelizeRepo(t, 20, 5)
	never := analyze.Never
	res, err := Run(context.Background(), Options{Repo: dir, FailOn: &never})
	if err != nil {
		t.Fatal(err)
	}
	if res.Scope.Migrations != 20 || res.Scope.Models != 5 || res.Scope.NotAnalyzed != 0 {
		t.Errorf("scope = %+v", res.Scope)
	}
	for _, f := range res.Findings {
		if f.Rule == "ER101" || f.Rule == "GD101" || f.Rule == "RB103" || f.Rule == "RB104" || f.Rule == "RB105" {
			t.Errorf("generated history should replay cleanly: %s:%d %s %s", f.Path, f.Line, f.Rule, f.Message)
		}
	}
}
