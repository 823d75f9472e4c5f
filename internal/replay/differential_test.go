package replay_test

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
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

	// Up, migration by migration, then down in reverse order for the
	// migrations that have one; the two must agree after every migration.
	sim := &schema.Schema{}
	for _, m := range migrations {
		for _, p := range m.Problems {
			t.Errorf("%s: loader problem: %+v", m.Path, p)
		}
		sim = replayOps(t, conn, sim, m.Up, m.Path+": up")
		compareWithServer(t, db, sim, "after "+m.Path+" up")
	}
	for i := len(migrations) - 1; i >= 0; i-- {
		m := migrations[i]
		if !m.HasDown {
			continue
		}
		sim = replayOps(t, conn, sim, m.Down, firstNonEmpty(m.DownPath, m.Path)+": down")
		compareWithServer(t, db, sim, "after "+m.Path+" down")
	}
}

// replayOps runs each op's statement on the server and applies its change
// to the simulated schema. Both must accept or both refuse it; a refused
// statement leaves both unchanged.
func replayOps(t *testing.T, conn *sql.Conn, sim *schema.Schema, ops []ir.Op, what string) *schema.Schema {
	t.Helper()
	ctx := context.Background()
	for i, op := range ops {
		where := what + " statement " + strconv.Itoa(i+1) + " (line " + strconv.Itoa(op.Span.Line) + ")"
		if op.Change == nil {
			t.Fatalf("%s was not interpreted by the loader (%s); the simulator cannot follow:\n%s", where, op.NotAnalyzed, op.Text)
		}
		_, serverErr := conn.ExecContext(ctx, sqlRewrites.Replace(op.Text))
		next, simErr := schema.Apply(sim, op.Change, schema.Options{Database: mariadb.Database})
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
	return sim
}

// compareWithServer snapshots the server and fails the test on any
// difference with the simulated schema left after normalisation.
func compareWithServer(t *testing.T, db *sql.DB, sim *schema.Schema, when string) {
	t.Helper()
	real, err := mariadb.Snapshot(context.Background(), db, mariadb.Database)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if len(real.Tables) != len(sim.Tables) {
		t.Errorf("%s: MariaDB has %d tables, the simulator %d", when, len(real.Tables), len(sim.Tables))
	}
	diffs := schema.Compare(normalise(real), normalise(sim))
	for _, d := range diffs {
		t.Errorf("%s: MariaDB and the simulator differ (after normalising %s): %s", when, normalisations, d)
	}
	if len(diffs) > 0 {
		t.FailNow()
	}
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
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

// scenarios exercise the simulator's implicit behaviour (generated names,
// implicit foreign key indexes, rename propagation, charset conversion)
// against the real server, beyond what the sample repository covers. A
// statement either both accept or both refuse; error numbers are logged,
// not compared, because MariaDB numbers some foreign key errors
// differently from MySQL 8 (it has no 3730, 3780 or 1828).
var scenarios = []struct {
	name string
	sql  string
}{
	{"implicit FK index and generated names", `
CREATE TABLE p (id INT UNSIGNED NOT NULL PRIMARY KEY, code VARCHAR(20) NOT NULL, UNIQUE KEY (code));
CREATE TABLE c (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, p_id INT UNSIGNED NOT NULL, q_id INT UNSIGNED,
  FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE,
  CONSTRAINT fk_q FOREIGN KEY (q_id) REFERENCES p (id) ON DELETE SET NULL);
ALTER TABLE c ADD COLUMN title VARCHAR(50), ADD INDEX (title), ADD INDEX (title, id);
ALTER TABLE c ADD COLUMN code VARCHAR(20), ADD FOREIGN KEY (code) REFERENCES p (code);
ALTER TABLE c ADD INDEX ix_p_title (p_id, title);
ALTER TABLE c DROP FOREIGN KEY fk_q;
ALTER TABLE c ADD COLUMN r_id INT UNSIGNED, ADD CONSTRAINT c_ibfk_7 FOREIGN KEY (r_id) REFERENCES p (id);
ALTER TABLE c ADD COLUMN s_id INT UNSIGNED, ADD FOREIGN KEY (s_id) REFERENCES p (id);
`},
	{"drop column shrinks indexes", `
CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, b INT, c INT, KEY ab (a, b), KEY b_only (b), KEY abc (a, b, c), UNIQUE KEY ua (a));
ALTER TABLE t DROP COLUMN b;
`},
	{"rename column and table propagate", `
CREATE TABLE p (id INT NOT NULL PRIMARY KEY, name VARCHAR(10));
CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT NOT NULL, KEY ix_p (p_id), CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id));
ALTER TABLE p RENAME COLUMN id TO pid;
ALTER TABLE c CHANGE p_id parent_id INT NOT NULL;
RENAME TABLE p TO parents;
ALTER TABLE c RENAME TO children;
`},
	{"convert charset and create like", `
CREATE TABLE l (id INT NOT NULL PRIMARY KEY, a VARCHAR(10), b TEXT, n INT) DEFAULT CHARSET=latin1;
ALTER TABLE l CONVERT TO CHARACTER SET utf8mb4;
CREATE TABLE l2 LIKE l;
ALTER TABLE l2 ADD COLUMN d DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), MODIFY a VARCHAR(20) NOT NULL DEFAULT 'x' FIRST;
`},
	{"defaults as the server stores them", `
CREATE TABLE d (id INT NOT NULL PRIMARY KEY, price DECIMAL(10,2) NOT NULL DEFAULT 1.5, flag TINYINT(1) NOT NULL DEFAULT TRUE,
  n INT DEFAULT '007', e ENUM('Alpha','beta') DEFAULT 'alpha', s VARCHAR(10) DEFAULT '', f FLOAT DEFAULT 0,
  ts TIMESTAMP NULL DEFAULT NULL, dt DATETIME DEFAULT '2020-01-02 03:04:05', j INT DEFAULT -3);
ALTER TABLE d ALTER COLUMN n SET DEFAULT 8, ALTER COLUMN s DROP DEFAULT;
`},
	{"refusals", `
CREATE TABLE p (id INT UNSIGNED NOT NULL PRIMARY KEY, t TEXT);
CREATE TABLE p (id INT);
ALTER TABLE p ADD COLUMN id INT;
ALTER TABLE p DROP COLUMN nope;
ALTER TABLE p ADD INDEX (t);
ALTER TABLE p ADD PRIMARY KEY (t(10));
ALTER TABLE nope ADD COLUMN x INT;
ALTER TABLE p ADD COLUMN v VARCHAR(1000), ADD INDEX (v);
ALTER TABLE p ADD COLUMN e ENUM('a','b') DEFAULT 'c';
ALTER TABLE p ADD COLUMN t2 TEXT DEFAULT 'x';
CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT UNSIGNED NOT NULL, FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE SET NULL);
CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT UNSIGNED NOT NULL, FOREIGN KEY (p_id) REFERENCES nope (id));
CREATE TABLE c (id INT NOT NULL PRIMARY KEY, p_id INT UNSIGNED NOT NULL, FOREIGN KEY (p_id) REFERENCES p (id));
ALTER TABLE c DROP INDEX p_id;
DROP TABLE p;
DROP TABLE c, p;
`},
}

// mysqlOnlyRefusals are statements MySQL 8 refuses and MariaDB 10.11
// accepts; they are not sent to MariaDB, and the simulator must refuse them
// with the given error number.
var mysqlOnlyRefusals = map[string]int{
	// MariaDB indexes a TEXT column without a prefix length by hashing or
	// truncating it; MySQL 8 raises 1170.
	"ALTER TABLE p ADD INDEX (t)": schema.ErBlobKeyWithoutLength,
	// MariaDB shortens an over-long non-unique key to a prefix with a
	// warning; MySQL 8 (InnoDB, DYNAMIC) raises 1071.
	"ALTER TABLE p ADD COLUMN v VARCHAR(1000), ADD INDEX (v)": schema.ErTooLongKey,
	// MariaDB (10.2+) allows literal defaults on TEXT and BLOB; MySQL 8
	// raises 1101.
	"ALTER TABLE p ADD COLUMN t2 TEXT DEFAULT 'x'": schema.ErBlobCantHaveDefault,
}

// Not scenario material, because MariaDB and MySQL 8 disagree and the
// simulator follows MySQL 8 (its unit tests cover them):
//   - MariaDB (10.2.8+) refuses to drop a column that belongs to a
//     multi-column UNIQUE key; MySQL 8 allows it and the key shrinks.
//   - MariaDB drops the tables of DROP TABLE p, c one by one and refuses the
//     parent first (1451); MySQL 8 drops them together. The scenario lists
//     the child first.
//   - FOREIGN KEY index_name: MariaDB still names the constraint after it;
//     MySQL 8.0.16+ ignores it for the constraint (t_ibfk_N) and uses it
//     only for the index it creates.
//   - A foreign key added over an index left behind by a dropped foreign
//     key: MariaDB creates a new index named after the new constraint and
//     drops the old one; MySQL 8 reuses the existing index.

func TestDifferentialScenarios(t *testing.T) {
	dsn := mariadb.Start(t)
	db := mariadb.Open(t, dsn)
	ctx := context.Background()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			conn, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			for _, q := range []string{"DROP DATABASE IF EXISTS " + mariadb.Database, "CREATE DATABASE " + mariadb.Database + " DEFAULT CHARACTER SET utf8mb4", "USE " + mariadb.Database} {
				if _, err := conn.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			sim := &schema.Schema{}
			for _, op := range sqlmig.ParseStatements("scenario.sql", []byte(sc.sql), 1) {
				if op.Change == nil {
					t.Fatalf("line %d not interpreted by the loader (%s): %s", op.Span.Line, op.NotAnalyzed, op.Text)
				}
				if code, ok := mysqlOnlyRefusals[strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(op.Text), ";"))]; ok {
					if _, err := schema.Apply(sim, op.Change, schema.Options{}); errCode(err) != code {
						t.Errorf("line %d: simulator error = %v, want MySQL 8's %d (statement not sent to MariaDB, which accepts it)", op.Span.Line, err, code)
					}
					continue
				}
				_, serverErr := conn.ExecContext(ctx, sqlRewrites.Replace(op.Text))
				next, simErr := schema.Apply(sim, op.Change, schema.Options{Database: mariadb.Database})
				switch {
				case serverErr != nil && simErr == nil:
					t.Fatalf("line %d: MariaDB refused a statement the simulator accepted: %v\n%s", op.Span.Line, serverErr, op.Text)
				case serverErr == nil && simErr != nil:
					t.Fatalf("line %d: the simulator refused a statement MariaDB accepted: %v\n%s", op.Span.Line, simErr, op.Text)
				case serverErr != nil:
					t.Logf("line %d: both refused: MariaDB %v; simulator %v", op.Span.Line, serverErr, simErr)
				}
				sim = next
			}
			real, err := mariadb.Snapshot(ctx, db, mariadb.Database)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range schema.Compare(normalise(real), normalise(sim)) {
				t.Errorf("MariaDB and the simulator differ (after normalising %s): %s", normalisations, d)
			}
		})
	}
}

// errCode returns the MySQL error number of a simulator error, 0 for nil.
func errCode(err error) int {
	var e *schema.Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err != nil {
		return -1
	}
	return 0
}
