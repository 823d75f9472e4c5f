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
