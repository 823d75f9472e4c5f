package verify_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/cli"
	"github.com/migration-guardian/guardian/internal/schemaview"
	"github.com/migration-guardian/guardian/internal/testutil/mariadb"
	"github.com/migration-guardian/guardian/internal/verify"
)

const sampleRepo = "../../testdata/sample"

// The sample repository replayed on MariaDB 10.11 is compared with
// `schema --format json` field by field. These are the known differences
// between MariaDB and the MySQL 8 the simulator models, each neutralised
// explicitly below; anything else is a test failure.
//
//  1. Collation names: MariaDB 10.11 has no utf8mb4_0900_ai_ci. Statements
//     are sent with it replaced by utf8mb4_general_ci (collationRewrite);
//     the JSON document has no collation field, so nothing else changes.
//  2. Integer display widths: MariaDB's COLUMN_TYPE keeps them
//     (int(10) unsigned, bigint(20) unsigned); MySQL 8.0.19+ drops them
//     except for tinyint(1). mariaDBType strips them.
//  3. JSON: MariaDB stores it as longtext (with a json_valid check); the
//     simulator's json is compared as longtext.
//  4. Defaults: MariaDB's COLUMN_DEFAULT quotes string literals ('pending'),
//     spells CURRENT_TIMESTAMP as current_timestamp() and writes the
//     string NULL for DEFAULT NULL; mariaDBDefault maps them to MySQL 8's
//     unquoted literal, CURRENT_TIMESTAMP and SQL NULL.
//  5. Unstated foreign key rules: MariaDB reports RESTRICT (MySQL 8 says
//     NO ACTION); the JSON document writes RESTRICT, so they agree.
//  6. Order: information_schema has no definition order for tables and
//     secondary indexes (they come back by name), so tables are compared
//     by name and indexes with PRIMARY first, then by name. Columns are
//     compared in definition order (ORDINAL_POSITION).
var collationRewrite = strings.NewReplacer(
	"utf8mb4_0900_ai_ci", "utf8mb4_general_ci",
	"utf8mb4_0900_as_cs", "utf8mb4_bin",
	"utf8mb4_0900_bin", "utf8mb4_bin",
)

var displayWidth = regexp.MustCompile(`^(tinyint|smallint|mediumint|int|bigint)\((\d+)\)`)

// mariaDBType applies differences 2 and 3 to a MariaDB COLUMN_TYPE.
func mariaDBType(s string) string {
	if m := displayWidth.FindStringSubmatch(s); m != nil && !(m[1] == "tinyint" && m[2] == "1") {
		s = m[1] + s[len(m[0]):]
	}
	return s
}

// mariaDBDefault applies difference 4 to a MariaDB COLUMN_DEFAULT.
func mariaDBDefault(def sql.NullString) *string {
	if !def.Valid || def.String == "NULL" {
		return nil
	}
	v := def.String
	switch {
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		v = strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	case strings.HasPrefix(strings.ToLower(v), "current_timestamp"):
		v = strings.ToUpper(strings.TrimSuffix(v, "()"))
	}
	return &v
}

// informationSchema reads database into the JSON document's shape, raw
// but for the listed differences.
func informationSchema(t *testing.T, db *sql.DB, database string) schemaview.Doc {
	t.Helper()
	q := func(query string, scan func(*sql.Rows) error) {
		t.Helper()
		rows, err := db.Query(query, database)
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				t.Fatal(err)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	doc := schemaview.Doc{}
	idx := map[string]int{}
	q(`SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`, func(r *sql.Rows) error {
		var name string
		if err := r.Scan(&name); err != nil {
			return err
		}
		idx[name] = len(doc.Tables)
		doc.Tables = append(doc.Tables, schemaview.Table{Name: name, Columns: []schemaview.Column{}, Indexes: []schemaview.Index{}, ForeignKeys: []schemaview.ForeignKey{}})
		return nil
	})
	q(`SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS
		WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`, func(r *sql.Rows) error {
		var table, name, typ, nullable, extra string
		var def sql.NullString
		if err := r.Scan(&table, &name, &typ, &nullable, &def, &extra); err != nil {
			return err
		}
		tb := &doc.Tables[idx[table]]
		tb.Columns = append(tb.Columns, schemaview.Column{Name: name, Type: mariaDBType(typ), Nullable: nullable == "YES",
			Default: mariaDBDefault(def), AutoIncrement: strings.Contains(strings.ToLower(extra), "auto_increment")})
		return nil
	})
	q(`SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COALESCE(COLLATION, 'A') FROM information_schema.STATISTICS
		WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX`, func(r *sql.Rows) error {
		var table, name, column, collation string
		var nonUnique int
		var sub sql.NullInt64
		if err := r.Scan(&table, &name, &nonUnique, &column, &sub, &collation); err != nil {
			return err
		}
		tb := &doc.Tables[idx[table]]
		if n := len(tb.Indexes); n == 0 || tb.Indexes[n-1].Name != name {
			tb.Indexes = append(tb.Indexes, schemaview.Index{Name: name, Unique: nonUnique == 0, Primary: name == "PRIMARY"})
		}
		if sub.Valid {
			column = fmt.Sprintf("%s(%d)", column, sub.Int64)
		}
		if collation == "D" {
			column += " DESC"
		}
		ix := &tb.Indexes[len(tb.Indexes)-1]
		ix.Columns = append(ix.Columns, column)
		return nil
	})
	q(`SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.DELETE_RULE, rc.UPDATE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME
		FROM information_schema.REFERENTIAL_CONSTRAINTS rc JOIN information_schema.KEY_COLUMN_USAGE k
		  ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND k.TABLE_NAME = rc.TABLE_NAME
		WHERE rc.CONSTRAINT_SCHEMA = ? ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION`, func(r *sql.Rows) error {
		var table, name, ref, onDelete, onUpdate, column, refColumn string
		if err := r.Scan(&table, &name, &ref, &onDelete, &onUpdate, &column, &refColumn); err != nil {
			return err
		}
		tb := &doc.Tables[idx[table]]
		if n := len(tb.ForeignKeys); n == 0 || tb.ForeignKeys[n-1].Name != name {
			tb.ForeignKeys = append(tb.ForeignKeys, schemaview.ForeignKey{Name: name, RefTable: ref, OnDelete: onDelete, OnUpdate: onUpdate})
		}
		fk := &tb.ForeignKeys[len(tb.ForeignKeys)-1]
		fk.Columns = append(fk.Columns, column)
		fk.RefColumns = append(fk.RefColumns, refColumn)
		return nil
	})
	return doc
}

// forComparison applies the orders of difference 6 to a document (in Go:
// the server sorts names by its collation, in which "orders" precedes
// "order_items"), and difference 3 to the simulator's json columns.
func forComparison(doc schemaview.Doc) schemaview.Doc {
	sort.SliceStable(doc.Tables, func(i, j int) bool { return doc.Tables[i].Name < doc.Tables[j].Name })
	for i := range doc.Tables {
		tb := &doc.Tables[i]
		for j := range tb.Columns {
			if tb.Columns[j].Type == "json" {
				tb.Columns[j].Type = "longtext"
			}
		}
		sort.SliceStable(tb.Indexes, func(a, b int) bool {
			x, y := tb.Indexes[a], tb.Indexes[b]
			if x.Primary != y.Primary {
				return x.Primary
			}
			return x.Name < y.Name
		})
		sort.SliceStable(tb.ForeignKeys, func(a, b int) bool { return tb.ForeignKeys[a].Name < tb.ForeignKeys[b].Name })
	}
	return doc
}

// TestSampleMatchesMariaDB applies the sample's migrations (up only) on
// MariaDB and compares its information_schema with `schema --format json`.
func TestSampleMatchesMariaDB(t *testing.T) {
	dsn := mariadb.Start(t)
	db := mariadb.Open(t, dsn)
	const database = "guardian_sample"
	rep, err := verify.Run(context.Background(), verify.Options{
		DSN: dsn, Repo: sampleRepo, Rewrite: collationRewrite.Replace, Database: database, KeepDatabase: true, UpOnly: true,
	})
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	for _, m := range rep.Migrations {
		if f := m.Failure(); f != nil {
			t.Fatalf("MariaDB refused a sample statement: %s\n%s", f, f.Statement)
		}
	}
	if rep.NotRun > 0 {
		t.Fatalf("%d migrations not run", rep.NotRun)
	}

	var out, errOut bytes.Buffer
	if code := cli.Main([]string{"schema", "--repo", sampleRepo, "--format", "json"}, &out, &errOut); code != cli.ExitOK {
		t.Fatalf("schema: exit %d: %s", code, errOut.String())
	}
	var simulated schemaview.Doc
	if err := json.Unmarshal(out.Bytes(), &simulated); err != nil {
		t.Fatal(err)
	}
	sim := forComparison(simulated)
	real := forComparison(informationSchema(t, db, database))

	var simNames, realNames []string
	for _, tb := range sim.Tables {
		simNames = append(simNames, tb.Name)
	}
	for _, tb := range real.Tables {
		realNames = append(realNames, tb.Name)
	}
	if !reflect.DeepEqual(simNames, realNames) {
		t.Fatalf("tables: schema %v, MariaDB %v", simNames, realNames)
	}
	for i, st := range sim.Tables {
		rt := real.Tables[i]
		t.Run(st.Name, func(t *testing.T) {
			compareList(t, "column", len(st.Columns), len(rt.Columns), func(j int) (string, any, any) {
				return st.Columns[j].Name, st.Columns[j], rt.Columns[j]
			})
			compareList(t, "index", len(st.Indexes), len(rt.Indexes), func(j int) (string, any, any) {
				return st.Indexes[j].Name, st.Indexes[j], rt.Indexes[j]
			})
			compareList(t, "foreign key", len(st.ForeignKeys), len(rt.ForeignKeys), func(j int) (string, any, any) {
				return st.ForeignKeys[j].Name, st.ForeignKeys[j], rt.ForeignKeys[j]
			})
		})
	}
}

// compareList compares two lists element by element and field by field.
func compareList(t *testing.T, kind string, nSim, nReal int, at func(int) (string, any, any)) {
	t.Helper()
	if nSim != nReal {
		t.Errorf("%d %ss in `schema`, %d on MariaDB", nSim, kind, nReal)
	}
	for j := 0; j < min(nSim, nReal); j++ {
		name, s, r := at(j)
		sv, rv := reflect.ValueOf(s), reflect.ValueOf(r)
		for f := 0; f < sv.NumField(); f++ {
			a, b := sv.Field(f).Interface(), rv.Field(f).Interface()
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s %s: %s: `schema` says %s, MariaDB %s", kind, name, sv.Type().Field(f).Name, show(a), show(b))
			}
		}
	}
}

func show(v any) string {
	if p, ok := v.(*string); ok {
		if p == nil {
			return "null"
		}
		return fmt.Sprintf("%q", *p)
	}
	return fmt.Sprintf("%v", v)
}

// TestSampleRoundTrip runs the full round trip on the sample, whose
// migration 005 deliberately forgets part of its rollback: the report must
// name the leftover column and index and the refused second up.
func TestSampleRoundTrip(t *testing.T) {
	dsn := mariadb.Start(t)
	rep, err := verify.Run(context.Background(), verify.Options{DSN: dsn, Repo: sampleRepo, Rewrite: collationRewrite.Replace})
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	var failed []string
	for _, m := range rep.Migrations {
		if m.Failed() {
			failed = append(failed, m.Path)
		}
	}
	if got, want := strings.Join(failed, ","), "db/migrations/005_add_orders_shipping.up.sql"; got != want {
		t.Fatalf("failed migrations %s, want %s", got, want)
	}
	m := rep.Migrations[len(rep.Migrations)-1]
	total, err := countMigrations(sampleRepo)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, d := range m.Leftover {
		left = append(left, d.Kind+" "+d.Name+" "+d.Change)
	}
	tests := []struct {
		name, got, want string
	}{
		{"leftover", strings.Join(left, "; "), "column currency extra; index orders_status_idx extra"},
		{"refused step", m.Steps[len(m.Steps)-1].Name, verify.StepUpAgain},
		{"error number", fmt.Sprint(m.Failure().Code), "1060"},
		{"statement", m.Failure().Statement, "ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL"},
		{"later migrations not run", fmt.Sprint(rep.NotRun), fmt.Sprint(total - len(rep.Migrations))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// countMigrations counts the migrations the guardian reads in repo.
func countMigrations(repo string) (int, error) {
	rep, err := schemaview.Replay(context.Background(), repo, "", "")
	if err != nil {
		return 0, err
	}
	return len(rep.Result.Steps), nil
}
