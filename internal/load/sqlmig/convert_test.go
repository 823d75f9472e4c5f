package sqlmig

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/migration-guardian/guardian/internal/ir"
	"github.com/migration-guardian/guardian/internal/schema"
)

// one parses a single statement and fails unless exactly one op results.
func one(t *testing.T, sql string) ir.Op {
	t.Helper()
	ops := ParseStatements("m.sql", []byte(sql), 1)
	if len(ops) != 1 {
		t.Fatalf("ParseStatements(%q) gave %d ops", sql, len(ops))
	}
	return ops[0]
}

// diff renders the JSON lines where got and want differ.
func diff(got, want any) string {
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	var b strings.Builder
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var x, y string
		if i < len(gl) {
			x = gl[i]
		}
		if i < len(wl) {
			y = wl[i]
		}
		if x != y {
			fmt.Fprintf(&b, "line %d:\n  got:  %s\n  want: %s\n", i+1, strings.TrimSpace(x), strings.TrimSpace(y))
			if b.Len() > 2000 {
				break
			}
		}
	}
	return b.String()
}

func col(name string, tp schema.Type, nullable bool) *schema.Column {
	return &schema.Column{Name: name, Type: tp, Nullable: nullable}
}

func TestConvert(t *testing.T) {
	intT := schema.Type{Base: "int"}
	tests := []struct {
		name string
		sql  string
		want schema.Change
	}{
		{
			name: "create table with keys and options",
			sql: `CREATE TABLE IF NOT EXISTS orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id INT NOT NULL,
  code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  status ENUM('new','paid') NOT NULL DEFAULT 'new' COMMENT 'state',
  total DECIMAL(10,2),
  ratio DECIMAL,
  flag BOOLEAN DEFAULT TRUE,
  created_at TIMESTAMP(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  body TEXT DEFAULT ('x'),
  PRIMARY KEY (id),
  UNIQUE KEY uq_code (code(10)),
  KEY idx_user_created (user_id, created_at DESC),
  FULLTEXT KEY ft_code (code),
  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT chk_total CHECK (total >= 0)
) ENGINE=innodb DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='orders' ROW_FORMAT=DYNAMIC`,
			want: &schema.CreateTable{IfNotExists: true, Table: &schema.Table{
				Name: "orders",
				Columns: []*schema.Column{
					{Name: "id", Type: schema.Type{Base: "bigint", Unsigned: true}, AutoIncrement: true},
					col("user_id", intT, false),
					{Name: "code", Type: schema.Type{Base: "varchar", Length: 64, Charset: "utf8mb4", Collation: "utf8mb4_bin"}, Default: &schema.Default{Value: ""}},
					{Name: "status", Type: schema.Type{Base: "enum", Values: []string{"new", "paid"}}, Default: &schema.Default{Value: "new"}, Comment: "state"},
					col("total", schema.Type{Base: "decimal", Precision: 10, Scale: 2, HasPrecision: true}, true),
					col("ratio", schema.Type{Base: "decimal", Precision: 10, HasPrecision: true}, true),
					{Name: "flag", Type: schema.Type{Base: "tinyint", DisplayWidth: 1}, Nullable: true, Default: &schema.Default{Value: "1"}},
					{Name: "created_at", Type: schema.Type{Base: "timestamp", Precision: 3}, Nullable: true,
						Default: &schema.Default{Expr: true, Value: "CURRENT_TIMESTAMP(3)"}, OnUpdate: "CURRENT_TIMESTAMP(3)"},
					{Name: "body", Type: schema.Type{Base: "text"}, Nullable: true, Default: &schema.Default{Expr: true, Value: "'x'"}},
				},
				Indexes: []*schema.Index{
					{Name: "PRIMARY", Primary: true, Unique: true, Parts: []schema.IndexPart{{Column: "id"}}},
					{Name: "uq_code", Unique: true, Parts: []schema.IndexPart{{Column: "code", Length: 10}}},
					{Name: "idx_user_created", Parts: []schema.IndexPart{{Column: "user_id"}, {Column: "created_at", Desc: true}}},
					{Name: "ft_code", Kind: "FULLTEXT", Parts: []schema.IndexPart{{Column: "code"}}},
				},
				ForeignKeys: []*schema.ForeignKey{
					// No ON DELETE / ON UPDATE written: both stay empty.
					{Name: "fk_orders_user", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}},
				},
				Checks:  []*schema.Check{{Name: "chk_total", Expr: "total>=0"}},
				Options: schema.TableOptions{Engine: "InnoDB", Charset: "utf8mb4", Collation: "utf8mb4_0900_ai_ci", Comment: "orders", RowFormat: "DYNAMIC"},
			}},
		},
		{
			name: "inline keys, generated columns, functional index, spatial",
			sql: "CREATE TABLE p (id INT PRIMARY KEY, email VARCHAR(255) UNIQUE, team_id INT REFERENCES teams(id) ON DELETE SET NULL ON UPDATE CASCADE, " +
				"a INT, b INT AS (a * 2) VIRTUAL, c INT GENERATED ALWAYS AS (a + 1) STORED NOT NULL, g POINT NOT NULL SRID 4326, " +
				"h INT INVISIBLE, s SERIAL, INDEX ((lower(email))), SPATIAL INDEX sp (g))",
			want: &schema.CreateTable{Table: &schema.Table{
				Name: "p",
				Columns: []*schema.Column{
					col("id", intT, false),
					col("email", schema.Type{Base: "varchar", Length: 255}, true),
					col("team_id", intT, true),
					col("a", intT, true),
					{Name: "b", Type: intT, Nullable: true, Generated: &schema.Generated{Expr: "a*2"}},
					{Name: "c", Type: intT, Generated: &schema.Generated{Expr: "a+1", Stored: true}},
					col("g", schema.Type{Base: "point"}, false),
					{Name: "h", Type: intT, Nullable: true, Invisible: true},
					{Name: "s", Type: schema.Type{Base: "bigint", Unsigned: true}, AutoIncrement: true},
				},
				Indexes: []*schema.Index{
					{Name: "PRIMARY", Primary: true, Unique: true, Parts: []schema.IndexPart{{Column: "id"}}},
					{Unique: true, Parts: []schema.IndexPart{{Column: "email"}}},
					{Unique: true, Parts: []schema.IndexPart{{Column: "s"}}},
					{Parts: []schema.IndexPart{{Expr: "LOWER(email)"}}},
					{Name: "sp", Kind: "SPATIAL", Parts: []schema.IndexPart{{Column: "g"}}},
				},
				ForeignKeys: []*schema.ForeignKey{
					{Columns: []string{"team_id"}, RefTable: "teams", RefColumns: []string{"id"}, OnDelete: "SET NULL", OnUpdate: "CASCADE", Inline: true},
				},
			}},
		},
		{
			name: "create table like",
			sql:  "CREATE TABLE b LIKE a",
			want: &schema.CreateTable{Table: &schema.Table{Name: "b"}, Like: "a"},
		},
		{
			name: "drop tables",
			sql:  "DROP TABLE IF EXISTS a, `b`",
			want: &schema.DropTable{Names: []string{"a", "b"}, IfExists: true},
		},
		{
			name: "rename tables",
			sql:  "RENAME TABLE a TO a_old, a_new TO a",
			want: &schema.RenameTable{Pairs: []schema.RenamePair{{From: "a", To: "a_old"}, {From: "a_new", To: "a"}}},
		},
		{
			name: "alter table with every column clause",
			sql: "ALTER TABLE t ADD COLUMN a INT NOT NULL DEFAULT 0 AFTER id, ADD b INT FIRST, DROP COLUMN c, MODIFY d BIGINT NULL, " +
				"CHANGE e e2 VARCHAR(10) NOT NULL, RENAME COLUMN f TO f2, ALTER COLUMN g SET DEFAULT 5, ALTER h DROP DEFAULT, " +
				"ALGORITHM=INSTANT, LOCK=DEFAULT",
			want: &schema.AlterTable{Table: "t", Algorithm: "INSTANT", Lock: "DEFAULT", Specs: []schema.AlterSpec{
				&schema.AddColumn{Column: &schema.Column{Name: "a", Type: intT, Default: &schema.Default{Value: "0"}}, Position: schema.ColumnPosition{After: "id"}},
				&schema.AddColumn{Column: col("b", intT, true), Position: schema.ColumnPosition{First: true}},
				&schema.DropColumn{Name: "c"},
				&schema.ModifyColumn{Name: "d", Column: col("d", schema.Type{Base: "bigint"}, true)},
				&schema.ModifyColumn{Name: "e", Column: col("e2", schema.Type{Base: "varchar", Length: 10}, false)},
				&schema.RenameColumn{From: "f", To: "f2"},
				&schema.AlterColumnDefault{Name: "g", Default: &schema.Default{Value: "5"}},
				&schema.AlterColumnDefault{Name: "h"},
			}},
		},
		{
			name: "alter table keys and constraints",
			sql: "ALTER TABLE t ADD INDEX idx_a (a(12)), ADD UNIQUE KEY (b), ADD PRIMARY KEY (id), ADD FULLTEXT ft (body), " +
				"DROP INDEX idx_old, DROP KEY k2, DROP PRIMARY KEY, RENAME INDEX i1 TO i2, " +
				"ADD CONSTRAINT fk_u FOREIGN KEY fk_idx (user_id) REFERENCES users (id) ON DELETE CASCADE, ADD FOREIGN KEY (x) REFERENCES y (id), " +
				"DROP FOREIGN KEY fk_old, ADD CONSTRAINT ck CHECK (a > 0) NOT ENFORCED, DROP CHECK ck_old, DROP CONSTRAINT c_old",
			want: &schema.AlterTable{Table: "t", Specs: []schema.AlterSpec{
				&schema.AddIndex{Index: &schema.Index{Name: "idx_a", Parts: []schema.IndexPart{{Column: "a", Length: 12}}}},
				&schema.AddIndex{Index: &schema.Index{Unique: true, Parts: []schema.IndexPart{{Column: "b"}}}},
				&schema.AddIndex{Index: &schema.Index{Name: "PRIMARY", Primary: true, Unique: true, Parts: []schema.IndexPart{{Column: "id"}}}},
				&schema.AddIndex{Index: &schema.Index{Name: "ft", Kind: "FULLTEXT", Parts: []schema.IndexPart{{Column: "body"}}}},
				&schema.DropIndex{Name: "idx_old"},
				&schema.DropIndex{Name: "k2"},
				&schema.DropPrimaryKey{},
				&schema.RenameIndex{From: "i1", To: "i2"},
				&schema.AddForeignKey{ForeignKey: &schema.ForeignKey{Name: "fk_u", Columns: []string{"user_id"}, RefTable: "users", RefColumns: []string{"id"}, OnDelete: "CASCADE"}, IndexName: "fk_idx"},
				&schema.AddForeignKey{ForeignKey: &schema.ForeignKey{Columns: []string{"x"}, RefTable: "y", RefColumns: []string{"id"}}},
				&schema.DropForeignKey{Name: "fk_old"},
				&schema.AddCheck{Check: &schema.Check{Name: "ck", Expr: "a>0", NotEnforced: true}},
				&schema.DropCheck{Name: "ck_old"},
				&schema.DropConstraint{Name: "c_old"},
			}},
		},
		{
			name: "alter table options, charset conversion, rename",
			sql:  "ALTER TABLE t ENGINE=MyISAM, COMMENT='c', CONVERT TO CHARACTER SET utf8 COLLATE utf8_general_ci, RENAME TO t2",
			want: &schema.AlterTable{Table: "t", Specs: []schema.AlterSpec{
				&schema.SetTableOptions{Options: schema.TableOptions{Engine: "MyISAM"}, SetEngine: true},
				&schema.SetTableOptions{Options: schema.TableOptions{Comment: "c"}, SetComment: true},
				&schema.ConvertCharset{Charset: "utf8mb3", Collation: "utf8_general_ci"},
				&schema.RenameTo{Name: "t2"},
			}},
		},
		{
			name: "create index",
			sql:  "CREATE UNIQUE INDEX ux ON t (a, b(4)) ALGORITHM=INPLACE LOCK=NONE",
			want: &schema.AlterTable{Table: "t", Via: "CREATE INDEX", Algorithm: "INPLACE", Lock: "NONE", Specs: []schema.AlterSpec{
				&schema.AddIndex{Index: &schema.Index{Name: "ux", Unique: true, Parts: []schema.IndexPart{{Column: "a"}, {Column: "b", Length: 4}}}},
			}},
		},
		{
			name: "drop index",
			sql:  "DROP INDEX ux ON t",
			want: &schema.AlterTable{Table: "t", Via: "DROP INDEX", Specs: []schema.AlterSpec{&schema.DropIndex{Name: "ux"}}},
		},
		{
			name: "insert rows",
			sql:  "INSERT INTO t (a, b) VALUES (1, 2), (3, 4)",
			want: &schema.Insert{Table: "t", Columns: []string{"a", "b"}, Rows: 2},
		},
		{
			name: "insert select",
			sql:  "INSERT INTO t (a) SELECT a FROM u",
			want: &schema.Insert{Table: "t", Columns: []string{"a"}, FromSelect: true},
		},
		{
			name: "replace",
			sql:  "REPLACE INTO t VALUES (1)",
			want: &schema.Insert{Table: "t", Rows: 1},
		},
		{
			name: "insert with a row alias",
			sql:  "INSERT INTO t (a, b) VALUES (1, 2), (3, 4) AS new (x, y) ON DUPLICATE KEY UPDATE b = new.y",
			want: &schema.Insert{Table: "t", Columns: []string{"a", "b"}, Rows: 2},
		},
		{
			name: "insert select from a derived table keeps its alias",
			sql:  "INSERT INTO t (a) SELECT x.a FROM (SELECT 1 AS a) AS x ON DUPLICATE KEY UPDATE a = x.a",
			want: &schema.Insert{Table: "t", Columns: []string{"a"}, FromSelect: true},
		},
		{
			name: "update",
			sql:  "UPDATE users SET status = 'x', n = n + 1 WHERE  status IS NULL   LIMIT 100",
			want: &schema.Update{Table: "users", Columns: []string{"status", "n"}, HasWhere: true, HasLimit: true, Where: "status IS NULL"},
		},
		{
			name: "delete",
			sql:  "DELETE FROM logs WHERE created_at < '2020-01-01'",
			want: &schema.Delete{Table: "logs", HasWhere: true, Where: "created_at<'2020-01-01'"},
		},
		{
			name: "truncate",
			sql:  "TRUNCATE TABLE logs",
			want: &schema.Truncate{Table: "logs"},
		},
		{name: "set", sql: "SET FOREIGN_KEY_CHECKS = 0", want: &schema.Other{Kind: "SET"}},
		{name: "select", sql: "SELECT 1", want: &schema.Other{Kind: "SELECT"}},
		{name: "use", sql: "USE app", want: &schema.Other{Kind: "USE"}},
		{name: "start transaction", sql: "START TRANSACTION", want: &schema.Other{Kind: "START TRANSACTION"}},
		{name: "commit", sql: "COMMIT", want: &schema.Other{Kind: "COMMIT"}},
		{name: "lock tables", sql: "LOCK TABLES t WRITE", want: &schema.Other{Kind: "LOCK TABLES"}},
		{name: "create view", sql: "CREATE VIEW v AS SELECT 1", want: &schema.Other{Kind: "CREATE VIEW"}},
		{name: "alter view", sql: "ALTER ALGORITHM=MERGE VIEW v AS SELECT 2", want: &schema.Other{Kind: "ALTER VIEW"}},
		{name: "create trigger", sql: "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1", want: &schema.Other{Kind: "CREATE TRIGGER"}},
		{name: "drop procedure", sql: "DROP PROCEDURE IF EXISTS p", want: &schema.Other{Kind: "DROP PROCEDURE"}},
		{name: "call", sql: "CALL p()", want: &schema.Other{Kind: "CALL"}},
		{name: "executable comment", sql: "/*!40101 SET NAMES utf8mb4 */", want: &schema.Other{Kind: "SET"}},
		{name: "prepare literal", sql: "PREPARE s FROM 'ALTER TABLE t DROP COLUMN a'", want: &schema.AlterTable{Table: "t", Specs: []schema.AlterSpec{&schema.DropColumn{Name: "a"}}}},
		{
			name: "default expressions the parser does not read",
			sql:  "CREATE TABLE t (a INT DEFAULT (1 +\n 1), b DATETIME DEFAULT (CURRENT_TIMESTAMP + INTERVAL 1 DAY), c INT DEFAULT 3)",
			want: &schema.CreateTable{Table: &schema.Table{Name: "t", Columns: []*schema.Column{
				{Name: "a", Type: intT, Nullable: true, Default: &schema.Default{Expr: true, Value: "1 + 1"}},
				{Name: "b", Type: schema.Type{Base: "datetime"}, Nullable: true, Default: &schema.Default{Expr: true, Value: "CURRENT_TIMESTAMP + INTERVAL 1 DAY"}},
				{Name: "c", Type: intT, Nullable: true, Default: &schema.Default{Value: "3"}},
			}}},
		},
		{
			name: "character sets the parser does not know",
			sql:  "CREATE TABLE t (a VARCHAR(3) CHARACTER SET utf16 COLLATE utf16_bin, b INT) DEFAULT CHARSET = utf16",
			want: &schema.CreateTable{Table: &schema.Table{Name: "t", Columns: []*schema.Column{
				col("a", schema.Type{Base: "varchar", Length: 3, Charset: "utf16", Collation: "utf16_bin"}, true),
				col("b", intT, true),
			}, Options: schema.TableOptions{Charset: "utf16"}}},
		},
		{
			name: "convert to a character set the parser does not know",
			sql:  "ALTER TABLE t CONVERT TO CHARACTER SET sjis",
			want: &schema.AlterTable{Table: "t", Specs: []schema.AlterSpec{&schema.ConvertCharset{Charset: "sjis"}}},
		},
		{
			name: "default function in parentheses",
			sql:  "ALTER TABLE t ADD COLUMN u BINARY(16) NOT NULL DEFAULT (UUID_TO_BIN(UUID())), ALTER COLUMN v SET DEFAULT (NOW())",
			want: &schema.AlterTable{Table: "t", Specs: []schema.AlterSpec{
				&schema.AddColumn{Column: &schema.Column{Name: "u", Type: schema.Type{Base: "binary", Length: 16}, Default: &schema.Default{Expr: true, Value: "UUID_TO_BIN(UUID())"}}},
				&schema.AlterColumnDefault{Name: "v", Default: &schema.Default{Expr: true, Value: "CURRENT_TIMESTAMP"}},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := one(t, tt.sql)
			if op.NotAnalyzed != "" {
				t.Fatalf("not analysed: %s", op.NotAnalyzed)
			}
			if !reflect.DeepEqual(op.Change, tt.want) {
				t.Errorf("change mismatch:\n%s", diff(op.Change, tt.want))
			}
			if op.Origin != "sql" || op.Span.Path != "m.sql" || op.Span.Line != 1 {
				t.Errorf("op identity = %q %+v", op.Origin, op.Span)
			}
		})
	}
}

func TestConvertTypes(t *testing.T) {
	tests := []struct {
		typ  string
		want schema.Type
	}{
		{"INT", schema.Type{Base: "int"}},
		{"INTEGER(11) UNSIGNED", schema.Type{Base: "int", Unsigned: true}},
		{"INT(5) ZEROFILL", schema.Type{Base: "int", DisplayWidth: 5, Unsigned: true, Zerofill: true}},
		{"TINYINT(1)", schema.Type{Base: "tinyint", DisplayWidth: 1}},
		{"TINYINT(4)", schema.Type{Base: "tinyint"}},
		{"BOOL", schema.Type{Base: "tinyint", DisplayWidth: 1}},
		{"BIGINT(20)", schema.Type{Base: "bigint"}},
		{"MEDIUMINT", schema.Type{Base: "mediumint"}},
		{"NUMERIC(4,2)", schema.Type{Base: "decimal", Precision: 4, Scale: 2, HasPrecision: true}},
		{"DECIMAL(5)", schema.Type{Base: "decimal", Precision: 5, HasPrecision: true}},
		{"FLOAT", schema.Type{Base: "float"}},
		{"FLOAT(7,4)", schema.Type{Base: "float", Precision: 7, Scale: 4, HasPrecision: true}},
		{"FLOAT(30)", schema.Type{Base: "double"}},
		{"REAL", schema.Type{Base: "double"}},
		{"DOUBLE(10,2)", schema.Type{Base: "double", Precision: 10, Scale: 2, HasPrecision: true}},
		{"DATETIME", schema.Type{Base: "datetime"}},
		{"DATETIME(6)", schema.Type{Base: "datetime", Precision: 6}},
		{"TIME(2)", schema.Type{Base: "time", Precision: 2}},
		{"DATE", schema.Type{Base: "date"}},
		{"YEAR", schema.Type{Base: "year"}},
		{"CHAR", schema.Type{Base: "char", Length: 1}},
		{"CHAR(36) BINARY", schema.Type{Base: "char", Length: 36, Binary: true}},
		{"VARCHAR(10) CHARSET latin1", schema.Type{Base: "varchar", Length: 10, Charset: "latin1"}},
		{"VARCHAR(10) COLLATE utf8mb4_unicode_ci", schema.Type{Base: "varchar", Length: 10, Collation: "utf8mb4_unicode_ci"}},
		{"VARCHAR(5) CHARACTER SET binary", schema.Type{Base: "varbinary", Length: 5}},
		{"VARBINARY(16)", schema.Type{Base: "varbinary", Length: 16}},
		{"BINARY(16)", schema.Type{Base: "binary", Length: 16}},
		{"TEXT", schema.Type{Base: "text"}},
		{"TEXT(100)", schema.Type{Base: "text"}},
		{"TEXT(50)", schema.Type{Base: "tinytext"}},
		{"TINYTEXT", schema.Type{Base: "tinytext"}},
		{"MEDIUMTEXT", schema.Type{Base: "mediumtext"}},
		{"LONGTEXT", schema.Type{Base: "longtext"}},
		{"BLOB", schema.Type{Base: "blob"}},
		{"LONGBLOB", schema.Type{Base: "longblob"}},
		{"BIT", schema.Type{Base: "bit", Length: 1}},
		{"BIT(8)", schema.Type{Base: "bit", Length: 8}},
		{"ENUM('a','b''c')", schema.Type{Base: "enum", Values: []string{"a", "b'c"}}},
		{"SET('x','y')", schema.Type{Base: "set", Values: []string{"x", "y"}}},
		{"JSON", schema.Type{Base: "json"}},
		{"GEOMETRY", schema.Type{Base: "geometry"}},
		{"MULTIPOLYGON", schema.Type{Base: "multipolygon"}},
	}
	for _, tt := range tests {
		t.Run(tt.typ, func(t *testing.T) {
			op := one(t, "CREATE TABLE t (c "+tt.typ+")")
			if op.NotAnalyzed != "" {
				t.Fatalf("not analysed: %s", op.NotAnalyzed)
			}
			got := op.Change.(*schema.CreateTable).Table.Columns[0].Type
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("type %s\n got: %+v\nwant: %+v", tt.typ, got, tt.want)
			}
		})
	}
}

func TestConvertAttrs(t *testing.T) {
	src := `-- create
CREATE TABLE ` + "`orders`" + ` (
  id INT NOT NULL,
  user_id INT NOT NULL
    COMMENT 'owner, see (users)',
  ` + "`note`" + ` VARCHAR(10) DEFAULT 'a,b (c',
  team_id INT REFERENCES teams (id),
  PRIMARY KEY (id),
  KEY idx_user (user_id, id),
  CONSTRAINT fk_user
    FOREIGN KEY (user_id) REFERENCES users (id),
  CHECK (id > 0),
  CONSTRAINT positive CHECK (user_id > 0)
);

ALTER TABLE orders
  ADD COLUMN paid_at DATETIME NULL,
  DROP COLUMN note,
  ADD INDEX idx_paid (paid_at),
  ADD CONSTRAINT fk_team FOREIGN KEY (team_id)
    REFERENCES teams (id) ON DELETE CASCADE;
`
	ops := ParseStatements("db/migrations/1_x.sql", []byte(src), 1)
	if len(ops) != 2 {
		t.Fatalf("got %d ops", len(ops))
	}
	span := func(a, b int) ir.Span { return ir.Span{Path: "db/migrations/1_x.sql", Line: a, EndLine: b} }
	wantCreate := map[string]ir.Span{
		"column:id":          span(3, 3),
		"column:user_id":     span(4, 5),
		"column:note":        span(6, 6),
		"column:team_id":     span(7, 7),
		"fk:team_id":         span(7, 7),
		"index:id":           span(8, 8),
		"index:user_id,id":   span(9, 9),
		"fk:user_id":         span(10, 11),
		"check:orders_chk_1": span(12, 12),
		"check:positive":     span(13, 13),
	}
	if !reflect.DeepEqual(ops[0].Attrs, wantCreate) {
		t.Errorf("create attrs\n got: %v\nwant: %v", ops[0].Attrs, wantCreate)
	}
	if ops[0].Span != span(2, 14) {
		t.Errorf("create span = %+v", ops[0].Span)
	}
	wantAlter := map[string]ir.Span{
		"column:paid_at": span(17, 17),
		"column:note":    span(18, 18),
		"index:paid_at":  span(19, 19),
		"fk:team_id":     span(20, 21),
	}
	if !reflect.DeepEqual(ops[1].Attrs, wantAlter) {
		t.Errorf("alter attrs\n got: %v\nwant: %v", ops[1].Attrs, wantAlter)
	}
	if ops[1].Span != span(16, 21) {
		t.Errorf("alter span = %+v", ops[1].Span)
	}
	if got := ops[0].AttrSpan("column:user_id"); got.Line != 4 {
		t.Errorf("AttrSpan = %+v", got)
	}
}

func TestConvertAttrsClauses(t *testing.T) {
	tests := []struct {
		name string
		sql  string
		want map[string]int // key -> line
	}{
		{
			name: "inline keys and CHANGE",
			sql:  "CREATE TABLE t (\n  id INT\n    PRIMARY KEY,\n  email VARCHAR(9) UNIQUE\n)",
			want: map[string]int{"column:id": 2, "index:id": 3, "column:email": 4, "index:email": 4},
		},
		{
			name: "alter change, modify, rename, alter column",
			sql:  "ALTER TABLE t\n  CHANGE COLUMN a b INT,\n  MODIFY c BIGINT,\n  RENAME COLUMN d TO e,\n  ALTER COLUMN f SET DEFAULT 1,\n  ADD COLUMN (g INT,\n    h INT)",
			want: map[string]int{"column:a": 2, "column:b": 2, "column:c": 3, "column:e": 4, "column:f": 5, "column:g": 6, "column:h": 7},
		},
		{
			name: "create index",
			sql:  "CREATE INDEX ix\n  ON t (a, b)",
			want: map[string]int{"index:a,b": 1},
		},
		{
			name: "comments and quotes do not confuse the scan",
			sql:  "CREATE TABLE t (\n  -- a, b (c\n  a INT COMMENT 'x, KEY (y)', /* , */\n  `b,c` INT\n)",
			want: map[string]int{"column:a": 3, "column:b,c": 4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := one(t, tt.sql)
			got := map[string]int{}
			for k, s := range op.Attrs {
				got[k] = s.Line
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("attrs = %v, want %v (NotAnalyzed %q)", got, tt.want, op.NotAnalyzed)
			}
		})
	}
}

func TestConvertNotAnalyzed(t *testing.T) {
	tests := []struct {
		name, sql, want string
	}{
		{"syntax error keeps parser message and file line", "SELECT 1;\n\nALTER TABLE t ADD COLUMN (;", "line 3 column"},
		{"dynamic prepare", "PREPARE s FROM @sql", "dynamic SQL built at run time"},
		{"create table select", "CREATE TABLE t AS SELECT * FROM u", "CREATE TABLE … SELECT"},
		{"execute of unknown statement", "EXECUTE stmt", "dynamic SQL built at run time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ops := ParseStatements("m.sql", []byte(tt.sql), 1)
			op := ops[len(ops)-1]
			if op.Change != nil || !strings.Contains(op.NotAnalyzed, tt.want) {
				t.Errorf("got change %T, NotAnalyzed %q; want reason containing %q", op.Change, op.NotAnalyzed, tt.want)
			}
			if !op.Span.Valid() {
				t.Errorf("span %+v not valid", op.Span)
			}
		})
	}
}

func TestDynamicSQL(t *testing.T) {
	ops := ParseStatements("m.sql", []byte("SET @s = CONCAT('DROP TABLE ', @t);\nPREPARE st FROM @s;\nEXECUTE st;\nDEALLOCATE PREPARE st;\n"+
		"PREPARE lit FROM 'ALTER TABLE t ADD COLUMN c INT';\nEXECUTE lit;"), 1)
	var got []string
	for _, op := range ops {
		if op.Change == nil {
			got = append(got, fmt.Sprintf("%d:NA", op.Span.Line))
		} else {
			got = append(got, fmt.Sprintf("%d:%T", op.Span.Line, op.Change))
		}
	}
	want := []string{"1:*schema.Other", "2:NA", "3:*schema.Other", "4:*schema.Other", "5:*schema.AlterTable", "6:*schema.Other"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestParseStatementsFirstLine(t *testing.T) {
	ops := ParseStatements("models/x.js", []byte("\n  ALTER TABLE t\n    ADD COLUMN a INT"), 40)
	if len(ops) != 1 || ops[0].Span.Line != 41 || ops[0].Span.EndLine != 42 || ops[0].Attrs["column:a"].Line != 42 {
		t.Errorf("ops = %+v", ops)
	}
}

// TestTypesAreCanonical checks the mapping against the simulator's own
// canonical form: converting must not leave anything for CanonicalType to do.
func TestTypesAreCanonical(t *testing.T) {
	sql := "CREATE TABLE t (a INT(11), b TINYINT(1), c DECIMAL, d CHAR, e VARCHAR(3) CHARSET utf8, f INT ZEROFILL, g FLOAT(7,3), h DATETIME(3), i TEXT, j BIT, k ENUM('x'), l VARBINARY(3), m SERIAL, n YEAR(4), o DOUBLE)"
	op := one(t, sql)
	for _, c := range op.Change.(*schema.CreateTable).Table.Columns {
		if canon := schema.CanonicalType(c.Type); !reflect.DeepEqual(canon, c.Type) {
			t.Errorf("column %s: %+v is not canonical (%+v)", c.Name, c.Type, canon)
		}
	}
}

// TestBitDefaults: bit and hex literal defaults keep their binary digits,
// which the renderer writes back as b'…'.
func TestBitDefaults(t *testing.T) {
	tests := []struct {
		sql, want string
	}{
		{"ALTER TABLE t ADD COLUMN f BIT(3) NOT NULL DEFAULT b'101'", "101"},
		{"ALTER TABLE t ADD COLUMN f BIT(8) DEFAULT 0x0F", "1111"},
		{"ALTER TABLE t ADD COLUMN f BIT(8) DEFAULT b'0'", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			ops := ParseStatements("m.sql", []byte(tt.sql+";"), 1)
			if len(ops) != 1 || ops[0].Change == nil {
				t.Fatalf("ops = %+v", ops)
			}
			ac := ops[0].Change.(*schema.AlterTable).Specs[0].(*schema.AddColumn)
			if d := ac.Column.Default; d == nil || d.Value != tt.want || d.Expr {
				t.Errorf("default = %+v, want literal %q", d, tt.want)
			}
		})
	}
}
