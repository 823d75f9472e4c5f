// Package sqlmig loads raw MySQL migrations: it finds the SQL files of the
// common migration tools, groups them into up/down migrations, splits them
// into statements and lowers every statement to a typed schema.Change.
//
// # Splitting
//
// Split is a statement splitter of our own, written after the mysql
// command-line client: quotes ('…', "…", `…`, with backslash escapes and
// doubled quotes), comments (-- , #, /* */; /*! */ and /*+ */ are code),
// DELIMITER commands (any delimiter, several switches per file),
// BEGIN…END bodies of CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT written
// without DELIMITER (nested BEGIN, IF…END IF, LOOP, REPEAT, WHILE, CASE),
// and the goose / sql-migrate StatementBegin…StatementEnd annotations. Each
// statement carries the lines of its first and last code character. The
// TiDB parser then sees one statement at a time, so one statement it cannot
// read does not hide the others.
//
// # Conversion
//
// ParseStatements turns each statement into an ir.Op. DDL becomes
// CreateTable, DropTable, RenameTable or AlterTable (CREATE INDEX and DROP
// INDEX are an AlterTable with Via set); DML becomes Insert, Update, Delete
// or Truncate; statements without schema effect (SET, SELECT, USE,
// transactions, LOCK TABLES, views, stored programs, CALL…) become
// schema.Other. Types are mapped to their canonical form (information_schema
// DATA_TYPE names, display width only for tinyint(1)); charsets and
// collations are recorded only when written. A foreign key without ON
// DELETE or ON UPDATE keeps the empty string: MySQL then applies NO ACTION.
// Names MySQL generates (unnamed indexes, table_ibfk_N, table_chk_N) are
// left empty for the simulator to assign.
//
// An inline REFERENCES clause on a column definition is converted to a
// foreign key marked Inline. MySQL before 9.0 parses such references and
// ignores them (no constraint is created): the simulator follows the
// configured version, and rule FK109 tells the author.
//
// The TiDB parser lacks some MySQL syntax; the loader adapts the statement
// before parsing where it can (spatial column types, SRID, SPATIAL INDEX in
// a table definition, INVISIBLE columns, character sets other than utf8,
// utf8mb4, latin1, ascii, binary, gbk and gb18030, DEFAULT (expression)
// beyond a function call, the INSERT … AS alias row alias; the substitutes
// keep every offset and are undone in the result) and recovers facts the AST loses
// (DEFAULT (literal) is an expression default; the constraint and
// index names of CONSTRAINT c FOREIGN KEY idx; DROP CONSTRAINT versus DROP
// CHECK). A statement that still cannot be parsed or interpreted becomes
// an op without Change and with NotAnalyzed set (a GD101 finding); the
// parser message is kept with its line translated to the file's line.
// PREPARE s FROM 'literal' is interpreted from the literal; PREPARE s FROM
// @variable is dynamic SQL and not analysed.
//
// Op.Attrs locates the parts of a multi-line CREATE TABLE, ALTER TABLE or
// CREATE INDEX, found by a quote- and comment-aware token pass: "column:<name>"
// for each column definition (and MODIFY, CHANGE, DROP, ALTER, RENAME
// COLUMN clause), "fk:<local columns>" for each FOREIGN KEY clause and
// inline REFERENCES, "index:<columns>" for each key (functional parts count
// as empty names), "check:<name>" for each CHECK (unnamed checks of a CREATE
// TABLE as MySQL names them, <table>_chk_<n>). Column lists are
// comma-joined as written.
//
// # Conventions
//
// Load groups files into migrations and sorts them with CompareVersions:
//
//   - golang-migrate: <version>_<name>.up.sql and .down.sql;
//   - popx: <version>_<name>.mysql.up.sql / .mysql.down.sql, preferred over
//     the dialect-neutral file of the same version and direction; the
//     postgres, sqlite3, cockroach and mssql variants are ignored;
//   - rollback pairs: <version>_<name>.sql with <version>_<name>_rollback.sql
//     or .rollback.sql (any case);
//   - dbmate: "-- migrate:up" / "-- migrate:down" sections in one file;
//   - goose: "-- +goose Up" / "-- +goose Down" sections with StatementBegin
//     and StatementEnd blocks ("-- +goose NO TRANSACTION" is ignored);
//   - sql-migrate: "-- +migrate Up" / "-- +migrate Down" sections, with
//     StatementBegin/StatementEnd;
//   - shmig: "-- ==== UP ====" / "-- ==== DOWN ====" sections;
//   - Flyway: V<version>__<name>.sql with its undo file U<version>__<name>.sql
//     (versions 1, 1.1 or 1_1; "_" is read as "."); repeatable R__<name>.sql
//     migrations have no version and are placed after all versioned ones, as
//     Flyway runs them last;
//   - folders: <version>[_<name>]/up.sql and down.sql, and Prisma's
//     <version>_<name>/migration.sql (no down);
//   - plain: <version>[_-]<name>.sql with no markers and no rollback file is
//     an up-only migration (HasDown false).
//
// A .sql file whose name has no version and that has no section markers is
// not a migration (schema dumps, seeds, ad-hoc queries) and is skipped.
// Duplicate versions are all kept, for the collision rule. Files over
// MaxFileSize and files that are not valid UTF-8 get a Migration.Problems
// entry. Paths under node_modules, vendor and .git are never read.
//
// # Default globs
//
// DefaultGlobs selects .sql files under the folder names migration tools and
// frameworks use: migrations/, migration/ (Flyway's db/migration), migrate/
// (golang-migrate's examples, Rails-like layouts), db/ (dbmate's db/migrations
// and db/*.sql layouts, Spring Boot's resources/db/migration), database/
// (Laravel-like layouts), sql/, schema/ and flyway/. Together with the version-prefix
// requirement above this reads migrations without reading every .sql file
// of the repository, e.g. test fixtures.
package sqlmig
