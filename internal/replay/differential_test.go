package replay_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/load/sqlmig"
	"github.com/migration-guardian/guardian/internal/schema"
	"github.com/migration-guardian/guardian/internal/testutil/mariadb"
)

// sampleRepo is the sample repository whose SQL migrations are replayed.
const sampleRepo = "../../testdata/sample"

// MariaDB 10.11 is the server available to the tests; the simulator models
// MySQL 8. These are the places where the two differ for the sample
// migrations and how each is neutralised. Anything not listed here is
// compared as is, and any difference fails the test.
//
//  1. Collation names. MariaDB 10.11 has no utf8mb4_0900_ai_ci (MySQL 8's
//     default). The statement text sent to MariaDB has it replaced by
//     utf8mb4_general_ci (the test server's default, see sqlRewrites), and
//     both schemas map MySQL 8-only collations to that name before
//     comparing (collationMap).
//  2. JSON. MariaDB stores JSON as LONGTEXT with collation utf8mb4_bin and
//     a json_valid CHECK named after the column. The simulator's json type
//     is compared as that longtext, and check constraints are not compared
//     at all (MariaDB also prints their expressions differently).
//  3. Integer display widths (int(11), bigint(20) unsigned). MariaDB keeps
//     them; the snapshot parses COLUMN_TYPE with schema.ParseType, which
//     drops them as MySQL 8.0.19+ does (tinyint(1) kept on both sides).
//  4. current_timestamp() spelling and quoted defaults. MariaDB writes
//     current_timestamp() and quotes string defaults in COLUMN_DEFAULT; the
//     snapshot helper reads them back into schema.Default values, which
//     render as MySQL's CURRENT_TIMESTAMP and '...'.
//  5. Unstated foreign key rules. MySQL 8 reports NO ACTION, MariaDB
//     RESTRICT; InnoDB treats them alike, so "", NO ACTION and RESTRICT all
//     compare as RESTRICT (normRule).
//  6. DEFAULT NULL. information_schema cannot tell "DEFAULT NULL" from no
//     DEFAULT clause on a nullable column; both compare as no default.
//  7. Indexes MySQL generates for foreign keys are compared by name and
//     parts like any other; whether an index was generated (Index.Implicit)
//     is not visible in information_schema and is not compared.
var normalisations = "collation names (0900 collations as utf8mb4_general_ci), JSON as longtext utf8mb4_bin, " +
	"no CHECK constraints, integer display widths, current_timestamp() spelling, unstated FK rules as RESTRICT, DEFAULT NULL as no default"

// sqlRewrites are applied to statement text before it is sent to MariaDB.
var sqlRewrites = strings.NewReplacer(
	"utf8mb4_0900_ai_ci", "utf8mb4_general_ci",
	"utf8mb4_0900_as_cs", "utf8mb4_bin",
	"utf8mb4_0900_bin", "utf8mb4_bin",
)

// collationMap maps MySQL 8-only collations to what MariaDB uses instead.
var collationMap = map[string]string{
	"utf8mb4_0900_ai_ci": "utf8mb4_general_ci",
	"utf8mb4_0900_as_cs": "utf8mb4_bin",
	"utf8mb4_0900_bin":   "utf8mb4_bin",
}

func TestDifferentialSampleMigrations(t *testing.T) {
	files := readSQLFiles(t, sampleRepo)
	if len(files) == 0 {
		t.Fatalf("no SQL files under %s", sampleRepo)
	}
	migrations := sqlmig.Load(files)
	if len(migrations) == 0 {
		t.Fatalf("sqlmig.Load found no migrations in %d files", len(files))
	}

	dsn := mariadb.Start(t)
	db := mariadb.Open(t, dsn)
	ctx := context.Background()
	conn, err := db.Conn(ctx) // one session: SET statements must stick
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	sim := &schema.Schema{}
	opts := schema.Options{Database: mariadb.Database}
	for _, m := range migrations {
		for _, p := range m.Problems {
			t.Errorf("%s: loader problem: %+v", m.Path, p)
		}
		for i, op := range m.Up {
			where := m.Path + ": up statement " + strconv.Itoa(i+1) + " (line " + strconv.Itoa(op.Span.Line) + ")"
			if op.Change == nil {
				t.Fatalf("%s was not interpreted by the loader (%s); the simulator cannot follow:\n%s", where, op.NotAnalyzed, op.Text)
			}
			_, serverErr := conn.ExecContext(ctx, sqlRewrites.Replace(op.Text))
			next, simErr := schema.Apply(sim, op.Change, opts)
			switch {
			case serverErr != nil && simErr == nil:
				t.Fatalf("%s: MariaDB refused a statement the simulator accepted: %v\n%s", where, serverErr, op.Text)
			case serverErr == nil && simErr != nil:
				t.Fatalf("%s: the simulator refused a statement MariaDB accepted: %v\n%s", where, simErr, op.Text)
			case serverErr != nil:
				t.Logf("%s: both refused: MariaDB %v; simulator %v", where, serverErr, simErr)
			}
			sim = next
		}
		real, err := mariadb.Snapshot(ctx, db, mariadb.Database)
		if err != nil {
			t.Fatalf("after %s: %v", m.Path, err)
		}
		if len(real.Tables) != len(sim.Tables) || len(real.Tables) == 0 {
			t.Errorf("after %s: MariaDB has %d tables, the simulator %d", m.Path, len(real.Tables), len(sim.Tables))
		}
		if testing.Verbose() {
			for _, d := range schema.Compare(real, sim) {
				t.Logf("after %s: raw difference neutralised by normalisation: %s", m.Path, d)
			}
		}
		diffs := schema.Compare(normalise(real), normalise(sim))
		for _, d := range diffs {
			t.Errorf("after %s: MariaDB and the simulator differ (after normalising %s): %s", m.Path, normalisations, d)
		}
		if len(diffs) > 0 {
			t.FailNow()
		}
	}
}

// readSQLFiles reads every .sql file under root with its path relative to
// root, as the loader expects.
func readSQLFiles(t *testing.T, root string) []sqlmig.File {
	t.Helper()
	var files []sqlmig.File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".sql") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		files = append(files, sqlmig.File{Path: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatalf("read %s: %v", root, err)
	}
	return files
}

// normalise returns a copy of s with the differences listed above removed.
func normalise(s *schema.Schema) *schema.Schema {
	out := s.Clone()
	for _, t := range out.Tables {
		t.Checks = nil
		t.Options.Collation = mapCollation(t.Options.Collation)
		for _, c := range t.Columns {
			ty := &c.Type
			if ty.Base == "json" {
				*ty = schema.Type{Base: "longtext", Charset: "utf8mb4", Collation: "utf8mb4_bin"}
			}
			ty.Collation = mapCollation(ty.Collation)
			if c.Default != nil && c.Default.Null {
				c.Default = nil
			}
		}
		for _, ix := range t.Indexes {
			ix.Implicit = false
		}
		for _, fk := range t.ForeignKeys {
			fk.OnDelete, fk.OnUpdate = normRule(fk.OnDelete), normRule(fk.OnUpdate)
		}
	}
	return out
}

func mapCollation(c string) string {
	if m, ok := collationMap[c]; ok {
		return m
	}
	return c
}

func normRule(r string) string {
	switch strings.ToUpper(r) {
	case "", schema.NoAction, schema.Restrict:
		return schema.Restrict
	}
	return strings.ToUpper(r)
}
