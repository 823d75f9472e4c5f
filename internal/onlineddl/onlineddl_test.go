package onlineddl_test

import (
	"testing"

	"github.com/migration-guardian/guardian/internal/load/sqlmig"
	"github.com/migration-guardian/guardian/internal/onlineddl"
	"github.com/migration-guardian/guardian/internal/schema"
)

// base is the schema every case alters: t has a primary key, np has none,
// ft already has a FULLTEXT index.
const base = `
CREATE TABLE t (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  code VARCHAR(40) CHARACTER SET latin1 NULL,
  note VARCHAR(100) NULL,
  status ENUM('a','b','c') NOT NULL DEFAULT 'a',
  flags SET('x','y','z','w','v','u','s','r') NULL,
  qty INT NULL,
  body TEXT NULL,
  pos POINT NOT NULL SRID 4326,
  parent_id BIGINT UNSIGNED NULL,
  total DECIMAL(10,2) AS (qty * 2) STORED,
  half INT AS (qty / 2) VIRTUAL,
  KEY idx_qty (qty),
  CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES t (id) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT t_qty_chk CHECK (qty >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE np (a INT NULL, b INT NOT NULL, c INT NULL) ENGINE=InnoDB;
CREATE TABLE ft (id INT NOT NULL PRIMARY KEY, title VARCHAR(100), body TEXT, FULLTEXT KEY ft_title (title)) ENGINE=InnoDB;
`

func baseSchema(t *testing.T) *schema.Schema {
	t.Helper()
	s := &schema.Schema{}
	for _, op := range sqlmig.ParseStatements("base.sql", []byte(base), 1) {
		if op.Change == nil {
			t.Fatalf("base: not analyzed: %s", op.NotAnalyzed)
		}
		next, err := schema.Apply(s, op.Change, schema.Options{})
		if err != nil {
			t.Fatalf("base: %s: %v", op.Text, err)
		}
		s = next
	}
	return s
}

// predict parses one ALTER TABLE / CREATE INDEX statement and predicts it
// against the base schema.
func predict(t *testing.T, s *schema.Schema, sql, version string, fkOff bool) onlineddl.Prediction {
	t.Helper()
	ops := sqlmig.ParseStatements("case.sql", []byte(sql), 1)
	if len(ops) != 1 || ops[0].Change == nil {
		t.Fatalf("%s: want one interpreted statement, got %+v", sql, ops)
	}
	at, ok := ops[0].Change.(*schema.AlterTable)
	if !ok {
		t.Fatalf("%s: not an ALTER TABLE: %T", sql, ops[0].Change)
	}
	after, err := schema.Apply(s, at, schema.Options{ForeignKeyChecksOff: fkOff})
	if err != nil {
		t.Fatalf("%s: the simulator refuses it: %v", sql, err)
	}
	o := onlineddl.Options{Version: onlineddl.ParseVersion(version), ForeignKeyChecksOff: fkOff}
	return onlineddl.Predict(s.Table(at.Table), after.Table(at.Table), at, o)
}

func TestPredict(t *testing.T) {
	const (
		instant = onlineddl.Instant
		inplace = onlineddl.Inplace
		copyAlg = onlineddl.Copy
		none    = onlineddl.LockNone
		shared  = onlineddl.LockShared
		deflt   = onlineddl.LockDefault
	)
	tests := []struct {
		name    string
		doc     string // the row of the manual's tables the case checks
		version string
		sql     string
		fkOff   bool
		alg     onlineddl.Algorithm
		lock    onlineddl.Lock
		rebuild bool
		dml     bool
	}{
		// Column operations.
		{name: "add column last", doc: "innodb-online-ddl-operations: Adding a column", version: "8.0.12",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL", alg: instant, lock: deflt, dml: true},
		{name: "add column last with default", doc: "innodb-online-ddl-operations: Adding a column", version: "8.0.20",
			sql: "ALTER TABLE t ADD COLUMN extra INT NOT NULL DEFAULT 7", alg: instant, lock: deflt, dml: true},
		{name: "add column before INSTANT existed", doc: "innodb-online-ddl-operations: Adding a column (INSTANT is the default as of 8.0.12, INPLACE before)", version: "8.0.11",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "add column after an inner column before 8.0.29", doc: "innodb-online-ddl-operations: Adding a column (any position from 8.0.29)", version: "8.0.28",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL AFTER name", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "add column first on 8.0.29", doc: "innodb-online-ddl-operations: Adding a column (any position from 8.0.29)", version: "8.0.29",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL FIRST", alg: instant, lock: deflt, dml: true},
		{name: "add column after the last column is last", doc: "innodb-online-ddl-operations: Adding a column", version: "8.0.20",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL AFTER half", alg: instant, lock: deflt, dml: true},
		{name: "add column on 8.0 without patch reads as newest", doc: "innodb-online-ddl-operations: Adding a column", version: "8.0",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL AFTER id", alg: instant, lock: deflt, dml: true},
		{name: "add column on 8.4", doc: "innodb-online-ddl-operations: Adding a column", version: "8.4",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL AFTER id", alg: instant, lock: deflt, dml: true},
		{name: "add column on 5.7", doc: "innodb-online-ddl-operations (5.7): Adding a column", version: "5.7",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "add column to a table with a FULLTEXT index", doc: "innodb-online-ddl-operations: Adding a column (INSTANT not supported with a FULLTEXT index)", version: "8.0.35",
			sql: "ALTER TABLE ft ADD COLUMN extra INT NULL", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "add auto_increment column", doc: "innodb-online-ddl-operations: Adding a column (auto-increment: LOCK=SHARED)", version: "8.0.35",
			sql: "ALTER TABLE np ADD COLUMN id INT NOT NULL AUTO_INCREMENT UNIQUE", alg: inplace, lock: shared, rebuild: true, dml: false},
		{name: "add STORED generated column", doc: "innodb-online-ddl-operations: Adding a STORED column", version: "8.0.35",
			sql: "ALTER TABLE t ADD COLUMN triple INT AS (qty * 3) STORED", alg: copyAlg, lock: shared, rebuild: true},
		{name: "add VIRTUAL generated column", doc: "innodb-online-ddl-operations: Adding a VIRTUAL column", version: "8.0.35",
			sql: "ALTER TABLE t ADD COLUMN triple INT AS (qty * 3) VIRTUAL", alg: instant, lock: deflt, dml: true},
		{name: "drop column on 8.0.29", doc: "innodb-online-ddl-operations: Dropping a column (INSTANT from 8.0.29)", version: "8.0.29",
			sql: "ALTER TABLE t DROP COLUMN note", alg: instant, lock: deflt, dml: true},
		{name: "drop column on 8.0.28", doc: "innodb-online-ddl-operations: Dropping a column", version: "8.0.28",
			sql: "ALTER TABLE t DROP COLUMN note", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "drop STORED column", doc: "innodb-online-ddl-operations: Dropping a STORED column", version: "8.0.35",
			sql: "ALTER TABLE t DROP COLUMN total", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "drop VIRTUAL column", doc: "innodb-online-ddl-operations: Dropping a VIRTUAL column", version: "8.0.35",
			sql: "ALTER TABLE t DROP COLUMN half", alg: instant, lock: deflt, dml: true},
		{name: "rename column on 8.0.28", doc: "innodb-online-ddl-operations: Renaming a column (INSTANT from 8.0.28)", version: "8.0.28",
			sql: "ALTER TABLE t RENAME COLUMN note TO remark", alg: instant, lock: deflt, dml: true},
		{name: "rename column on 8.0.27", doc: "innodb-online-ddl-operations: Renaming a column", version: "8.0.27",
			sql: "ALTER TABLE t RENAME COLUMN note TO remark", alg: inplace, lock: none, dml: true},
		{name: "rename with CHANGE keeping the type", doc: "innodb-online-ddl-operations: Renaming a column", version: "8.0.35",
			sql: "ALTER TABLE t CHANGE note remark VARCHAR(100) NULL", alg: instant, lock: deflt, dml: true},
		{name: "reorder columns", doc: "innodb-online-ddl-operations: Reordering columns", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN qty INT NULL AFTER id", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "restating the position is no reorder", doc: "innodb-online-ddl-operations: Reordering columns", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN name VARCHAR(50) NOT NULL AFTER id", alg: instant, lock: deflt, dml: true},
		{name: "reorder a STORED column", doc: "innodb-online-ddl-operations: Modifying STORED column order", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN total DECIMAL(10,2) AS (qty * 2) STORED FIRST", alg: copyAlg, lock: shared, rebuild: true},
		{name: "set default", doc: "innodb-online-ddl-operations: Setting a column default value", version: "8.0.35",
			sql: "ALTER TABLE t ALTER COLUMN qty SET DEFAULT 1", alg: instant, lock: deflt, dml: true},
		{name: "drop default", doc: "innodb-online-ddl-operations: Dropping the column default value", version: "8.0.35",
			sql: "ALTER TABLE t ALTER COLUMN status DROP DEFAULT", alg: instant, lock: deflt, dml: true},
		{name: "set default before 8.0.12", doc: "innodb-online-ddl-operations: Setting a column default value", version: "5.7",
			sql: "ALTER TABLE t ALTER COLUMN qty SET DEFAULT 1", alg: inplace, lock: none, dml: true},
		{name: "change data type", doc: "innodb-online-ddl-operations: Changing the column data type", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN qty BIGINT NULL", alg: copyAlg, lock: shared, rebuild: true},
		{name: "change signedness", doc: "innodb-online-ddl-operations: Changing the column data type", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN qty INT UNSIGNED NULL", alg: copyAlg, lock: shared, rebuild: true},
		{name: "change column charset", doc: "innodb-online-ddl-operations: Changing the column data type", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN code VARCHAR(40) NULL", alg: copyAlg, lock: shared, rebuild: true},
		{name: "extend VARCHAR within one length byte", doc: "innodb-online-ddl-operations: Extending VARCHAR column size", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN name VARCHAR(63) NOT NULL", alg: inplace, lock: none, dml: true},
		{name: "extend VARCHAR past 255 bytes", doc: "innodb-online-ddl-operations: Extending VARCHAR column size (1 to 2 length bytes needs COPY)", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN name VARCHAR(64) NOT NULL", alg: copyAlg, lock: shared, rebuild: true},
		{name: "extend latin1 VARCHAR within 255 bytes", doc: "innodb-online-ddl-operations: Extending VARCHAR column size", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN code VARCHAR(255) CHARACTER SET latin1 NULL", alg: inplace, lock: none, dml: true},
		{name: "extend VARCHAR already over 255 bytes", doc: "innodb-online-ddl-operations: Extending VARCHAR column size", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN note VARCHAR(500) NULL", alg: inplace, lock: none, dml: true},
		{name: "shrink VARCHAR", doc: "innodb-online-ddl-operations: Extending VARCHAR column size (decreasing needs COPY)", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN note VARCHAR(80) NULL", alg: copyAlg, lock: shared, rebuild: true},
		{name: "make column NULL", doc: "innodb-online-ddl-operations: Making a column NULL", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN name VARCHAR(50) NULL", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "make column NOT NULL", doc: "innodb-online-ddl-operations: Making a column NOT NULL", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN note VARCHAR(100) NOT NULL", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "append ENUM member", doc: "innodb-online-ddl-operations: Modifying the definition of an ENUM or SET column", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN status ENUM('a','b','c','d') NOT NULL DEFAULT 'a'", alg: instant, lock: deflt, dml: true},
		{name: "reorder ENUM members", doc: "innodb-online-ddl-operations: Modifying the definition of an ENUM or SET column (mid-list changes need a copy)", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN status ENUM('b','a','c') NOT NULL DEFAULT 'a'", alg: copyAlg, lock: shared, rebuild: true},
		{name: "remove ENUM member", doc: "innodb-online-ddl-operations: Modifying the definition of an ENUM or SET column", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN status ENUM('a','b') NOT NULL DEFAULT 'a'", alg: copyAlg, lock: shared, rebuild: true},
		{name: "ninth SET member grows the storage", doc: "innodb-online-ddl-operations: Modifying the definition of an ENUM or SET column (storage size change needs a copy)", version: "8.0.35",
			sql: "ALTER TABLE t MODIFY COLUMN flags SET('x','y','z','w','v','u','s','r','q') NULL", alg: copyAlg, lock: shared, rebuild: true},
		// Index operations.
		{name: "add secondary index", doc: "innodb-online-ddl-operations: Creating or adding a secondary index", version: "8.0.35",
			sql: "ALTER TABLE t ADD INDEX idx_name (name)", alg: inplace, lock: none, dml: true},
		{name: "create unique index", doc: "innodb-online-ddl-operations: Creating or adding a secondary index", version: "8.0.35",
			sql: "CREATE UNIQUE INDEX uq_name ON t (name)", alg: inplace, lock: none, dml: true},
		{name: "drop index", doc: "innodb-online-ddl-operations: Dropping an index", version: "8.0.35",
			sql: "DROP INDEX idx_qty ON t", alg: inplace, lock: none, dml: true},
		{name: "rename index", doc: "innodb-online-ddl-operations: Renaming an index", version: "8.0.35",
			sql: "ALTER TABLE t RENAME INDEX idx_qty TO idx_quantity", alg: inplace, lock: none, dml: true},
		{name: "first FULLTEXT index", doc: "innodb-online-ddl-operations: Adding a FULLTEXT index (the first rebuilds)", version: "8.0.35",
			sql: "ALTER TABLE t ADD FULLTEXT INDEX ft_body (body)", alg: inplace, lock: shared, rebuild: true},
		{name: "second FULLTEXT index", doc: "innodb-online-ddl-operations: Adding a FULLTEXT index", version: "8.0.35",
			sql: "ALTER TABLE ft ADD FULLTEXT INDEX ft_body (body)", alg: inplace, lock: shared},
		{name: "SPATIAL index", doc: "innodb-online-ddl-operations: Adding a SPATIAL index", version: "8.0.35",
			sql: "ALTER TABLE t ADD SPATIAL INDEX sp_pos (pos)", alg: inplace, lock: shared},
		// Primary key operations.
		{name: "add primary key", doc: "innodb-online-ddl-operations: Adding a primary key", version: "8.0.35",
			sql: "ALTER TABLE np ADD PRIMARY KEY (b)", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "add primary key on nullable column", doc: "innodb-online-ddl-operations: Adding a primary key (strict mode converts to NOT NULL in place)", version: "8.0.35",
			sql: "ALTER TABLE np ADD PRIMARY KEY (a)", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "drop primary key", doc: "innodb-online-ddl-operations: Dropping a primary key", version: "8.0.35",
			sql: "ALTER TABLE ft DROP PRIMARY KEY", alg: copyAlg, lock: shared, rebuild: true},
		{name: "drop primary key and add another", doc: "innodb-online-ddl-operations: Dropping a primary key and adding another", version: "8.0.35",
			sql: "ALTER TABLE ft DROP PRIMARY KEY, ADD PRIMARY KEY (id, title)", alg: inplace, lock: none, rebuild: true, dml: true},
		// Foreign key operations.
		{name: "add foreign key with checks on", doc: "innodb-online-ddl-operations: Adding a foreign key constraint (COPY unless foreign_key_checks=0)", version: "8.0.35",
			sql: "ALTER TABLE np ADD CONSTRAINT np_fk FOREIGN KEY (a) REFERENCES ft (id)", alg: copyAlg, lock: shared, rebuild: true},
		{name: "add foreign key with checks off", doc: "innodb-online-ddl-operations: Adding a foreign key constraint", version: "8.0.35", fkOff: true,
			sql: "ALTER TABLE np ADD CONSTRAINT np_fk FOREIGN KEY (a) REFERENCES ft (id)", alg: inplace, lock: none, dml: true},
		{name: "drop foreign key", doc: "innodb-online-ddl-operations: Dropping a foreign key constraint", version: "8.0.35",
			sql: "ALTER TABLE t DROP FOREIGN KEY t_parent_fk", alg: inplace, lock: none, dml: true},
		// Table operations.
		{name: "convert character set", doc: "innodb-online-ddl-operations: Converting a character set", version: "8.0.35",
			sql: "ALTER TABLE t CONVERT TO CHARACTER SET latin1", alg: copyAlg, lock: shared, rebuild: true},
		{name: "convert to the character set every column already has", doc: "innodb-online-ddl-operations: Converting a character set (rebuilds only if the encoding differs)", version: "8.0.35",
			sql: "ALTER TABLE np CONVERT TO CHARACTER SET utf8mb4", alg: instant, lock: deflt, dml: true},
		{name: "specify default character set", doc: "innodb-online-ddl-operations: Specifying a character set", version: "8.0.35",
			sql: "ALTER TABLE t DEFAULT CHARACTER SET latin1", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "null rebuild", doc: "innodb-online-ddl-operations: Performing a null rebuild", version: "8.0.35",
			sql: "ALTER TABLE t ENGINE=InnoDB", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "change engine", doc: "alter-table: changing the storage engine copies the table", version: "8.0.35",
			sql: "ALTER TABLE np ENGINE=MyISAM", alg: copyAlg, lock: shared, rebuild: true},
		{name: "row format", doc: "innodb-online-ddl-operations: Changing the ROW_FORMAT", version: "8.0.35",
			sql: "ALTER TABLE t ROW_FORMAT=COMPACT", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "table comment", doc: "alter-table: COMMENT changes metadata only", version: "8.0.35",
			sql: "ALTER TABLE t COMMENT = 'orders'", alg: inplace, lock: none, dml: true},
		{name: "rename table", doc: "innodb-online-ddl-operations: Renaming a table", version: "8.0.35",
			sql: "ALTER TABLE np RENAME TO np2", alg: instant, lock: deflt, dml: true},
		{name: "add CHECK", doc: "create-table-check-constraints: ADD CHECK validates rows (COPY)", version: "8.0.35",
			sql: "ALTER TABLE np ADD CONSTRAINT np_b_chk CHECK (b > 0)", alg: copyAlg, lock: shared, rebuild: true},
		{name: "drop CHECK", doc: "create-table-check-constraints: DROP CHECK is metadata", version: "8.0.35",
			sql: "ALTER TABLE t DROP CHECK t_qty_chk", alg: inplace, lock: none, dml: true},
		// Combinations: the weakest clause decides.
		{name: "instant add with an index is in place and rebuilds", doc: "innodb-online-ddl-operations: Adding a column (cannot combine INSTANT with non-instant clauses)", version: "8.0.35",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL, ADD INDEX idx_extra (extra)", alg: inplace, lock: none, rebuild: true, dml: true},
		{name: "add column with type change copies", doc: "innodb-online-ddl-operations: Changing the column data type", version: "8.0.35",
			sql: "ALTER TABLE t ADD COLUMN extra INT NULL, MODIFY COLUMN qty BIGINT NULL", alg: copyAlg, lock: shared, rebuild: true},
		{name: "index with FULLTEXT locks", doc: "innodb-online-ddl-operations: Adding a FULLTEXT index", version: "8.0.35",
			sql: "ALTER TABLE ft ADD INDEX idx_title (title), ADD FULLTEXT INDEX ft_body (body)", alg: inplace, lock: shared},
	}
	s := baseSchema(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := predict(t, s, tc.sql, tc.version, tc.fkOff)
			if p.Algorithm != tc.alg || p.Lock != tc.lock || p.Rebuild != tc.rebuild || p.ConcurrentDML != tc.dml {
				t.Errorf("%s on MySQL %s:\n got ALGORITHM=%s LOCK=%s rebuild=%v dml=%v\nwant ALGORITHM=%s LOCK=%s rebuild=%v dml=%v\n(doc %s; ops %+v)",
					tc.sql, tc.version, p.Algorithm, p.Lock, p.Rebuild, p.ConcurrentDML, tc.alg, tc.lock, tc.rebuild, tc.dml, tc.doc, p.Ops)
			}
			if p.Blocking() != (tc.alg == copyAlg || !tc.dml) {
				t.Errorf("Blocking() = %v", p.Blocking())
			}
			for _, c := range p.Ops {
				if c.Doc == "" {
					t.Errorf("%v: no documentation row", c.Kind)
				}
			}
		})
	}
}

// TestClassifyOnly covers the rows the IR cannot express yet (KEY_BLOCK_SIZE,
// tablespaces, partitioning, index type): the classifier still knows them.
func TestClassifyOnly(t *testing.T) {
	v := onlineddl.ParseVersion("8.0.35")
	tests := []struct {
		doc     string
		op      onlineddl.Operation
		alg     onlineddl.Algorithm
		rebuild bool
		dml     bool
	}{
		{"innodb-online-ddl-operations: Changing the KEY_BLOCK_SIZE", onlineddl.Operation{Kind: onlineddl.ChangeKeyBlockSize}, onlineddl.Inplace, true, true},
		{"innodb-online-ddl-operations: Setting persistent table statistics", onlineddl.Operation{Kind: onlineddl.SetTableStatistics}, onlineddl.Inplace, false, true},
		{"innodb-online-ddl-operations: Rebuilding with the FORCE option", onlineddl.Operation{Kind: onlineddl.ForceRebuild}, onlineddl.Inplace, true, true},
		{"innodb-online-ddl-operations: Optimizing a table", onlineddl.Operation{Kind: onlineddl.OptimizeTable}, onlineddl.Inplace, true, true},
		{"innodb-online-ddl-operations: Changing the auto-increment value", onlineddl.Operation{Kind: onlineddl.ChangeAutoIncrementValue}, onlineddl.Inplace, false, true},
		{"innodb-online-ddl-operations: Changing the index type", onlineddl.Operation{Kind: onlineddl.ChangeIndexType}, onlineddl.Instant, false, true},
		{"innodb-online-ddl-operations: Modifying VIRTUAL column order", onlineddl.Operation{Kind: onlineddl.ReorderVirtualColumn}, onlineddl.Copy, true, false},
		{"innodb-online-ddl-operations: Renaming a general tablespace", onlineddl.Operation{Kind: onlineddl.RenameGeneralTablespace}, onlineddl.Inplace, false, true},
		{"innodb-online-ddl-operations: Enabling or disabling general tablespace encryption", onlineddl.Operation{Kind: onlineddl.GeneralTablespaceEncryption}, onlineddl.Inplace, false, true},
		{"innodb-online-ddl-operations: Enabling or disabling file-per-table tablespace encryption", onlineddl.Operation{Kind: onlineddl.FilePerTableEncryption}, onlineddl.Copy, true, false},
		{"innodb-online-ddl-operations: Partitioning operations: PARTITION BY", onlineddl.Operation{Kind: onlineddl.PartitionBy}, onlineddl.Copy, true, false},
		{"innodb-online-ddl-operations: Partitioning operations: ADD PARTITION (RANGE/LIST)", onlineddl.Operation{Kind: onlineddl.AddPartition, RangeOrList: true}, onlineddl.Inplace, false, true},
		{"innodb-online-ddl-operations: Partitioning operations: ADD PARTITION (HASH/KEY: LOCK=SHARED)", onlineddl.Operation{Kind: onlineddl.AddPartition}, onlineddl.Inplace, false, false},
		{"innodb-online-ddl-operations: Partitioning operations: DROP PARTITION", onlineddl.Operation{Kind: onlineddl.DropPartition}, onlineddl.Inplace, false, true},
		{"innodb-online-ddl-operations: Partitioning operations: REORGANIZE PARTITION", onlineddl.Operation{Kind: onlineddl.ReorganizePartition}, onlineddl.Inplace, false, false},
		{"innodb-online-ddl-operations: Partitioning operations: EXCHANGE PARTITION", onlineddl.Operation{Kind: onlineddl.ExchangePartition}, onlineddl.Inplace, false, true},
		{"innodb-online-ddl-operations: Partitioning operations: OPTIMIZE PARTITION", onlineddl.Operation{Kind: onlineddl.OptimizePartition}, onlineddl.Copy, true, false},
		{"innodb-online-ddl-operations: Partitioning operations: REMOVE PARTITIONING", onlineddl.Operation{Kind: onlineddl.RemovePartitioning}, onlineddl.Copy, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.doc, func(t *testing.T) {
			p := onlineddl.Combine([]onlineddl.Operation{tc.op}, v)
			if p.Algorithm != tc.alg || p.Rebuild != tc.rebuild || p.ConcurrentDML != tc.dml {
				t.Errorf("got %s rebuild=%v dml=%v, want %s rebuild=%v dml=%v", p.Algorithm, p.Rebuild, p.ConcurrentDML, tc.alg, tc.rebuild, tc.dml)
			}
			if p.Ops[0].Doc == "" || p.Ops[0].Doc == "unclassified operation" {
				t.Errorf("no documentation row for %v", tc.op.Kind)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	tests := []struct {
		in                  string
		major, minor, patch int
		want                bool
	}{
		{"8.0", 8, 0, 29, true},
		{"8.0.28", 8, 0, 29, false},
		{"8.0.29", 8, 0, 29, true},
		{"8.4", 8, 0, 29, true},
		{"5.7", 8, 0, 12, false},
		{"8.0.11", 8, 0, 12, false},
		{"", 8, 0, 12, true},
		{"9.1.0", 8, 0, 29, true},
	}
	for _, tc := range tests {
		if got := onlineddl.ParseVersion(tc.in).AtLeast(tc.major, tc.minor, tc.patch); got != tc.want {
			t.Errorf("ParseVersion(%q).AtLeast(%d.%d.%d) = %v, want %v", tc.in, tc.major, tc.minor, tc.patch, got, tc.want)
		}
	}
}
