package schema

// Change is one statement's effect on a schema: a closed set of typed values.
// Every input language (SQL, Sequelize) is lowered to these, and the simulator
// applies them with MySQL 8 semantics.
type Change interface {
	change()
}

// CreateTable is CREATE TABLE, or Sequelize createTable.
type CreateTable struct {
	Table       *Table
	IfNotExists bool
	// Like names the source table of CREATE TABLE ... LIKE; Table then holds
	// only the new name.
	Like string
}

// DropTable is DROP TABLE of one or more tables (atomic in MySQL 8).
type DropTable struct {
	Names    []string
	IfExists bool
}

// RenamePair is one "a TO b" of a RENAME TABLE statement.
type RenamePair struct {
	From, To string
}

// RenameTable is RENAME TABLE (atomic over all pairs) or Sequelize renameTable.
type RenameTable struct {
	Pairs []RenamePair
}

// AlterTable is one ALTER TABLE statement with all its clauses. MySQL applies
// the clauses together, atomically. CREATE INDEX and DROP INDEX statements
// are represented as an AlterTable with a single clause and Via set.
type AlterTable struct {
	Table string
	Specs []AlterSpec
	// Algorithm and Lock are the ALGORITHM= and LOCK= clauses, upper case, or
	// empty when absent.
	Algorithm string
	Lock      string
	// Via is "CREATE INDEX" or "DROP INDEX" when the statement was written that way.
	Via string
}

// AlterSpec is one clause of an ALTER TABLE.
type AlterSpec interface {
	alterSpec()
}

// ColumnPosition is the FIRST / AFTER part of a column clause.
type ColumnPosition struct {
	First bool
	After string
}

// AddColumn is ADD [COLUMN].
type AddColumn struct {
	Column   *Column
	Position ColumnPosition
	// Inline holds the keys declared inside the column definition (PRIMARY
	// KEY, UNIQUE, REFERENCES); they are applied after the column.
	Inline []AlterSpec
}

// DropColumn is DROP [COLUMN].
type DropColumn struct {
	Name     string
	IfExists bool
}

// ModifyColumn is MODIFY (Name == Column.Name) or CHANGE old new (Name is
// the old name). The new definition replaces the whole old one.
type ModifyColumn struct {
	Name     string
	Column   *Column
	Position ColumnPosition
	Inline   []AlterSpec
}

// RenameColumn is RENAME COLUMN a TO b.
type RenameColumn struct {
	From, To string
}

// AlterColumnDefault is ALTER [COLUMN] c SET DEFAULT / DROP DEFAULT.
type AlterColumnDefault struct {
	Name    string
	Default *Default // nil for DROP DEFAULT
}

// AddIndex is ADD INDEX / UNIQUE / PRIMARY KEY / FULLTEXT / SPATIAL, or
// CREATE INDEX. An empty Index.Name asks MySQL to generate one.
type AddIndex struct {
	Index       *Index
	IfNotExists bool
}

// DropIndex is DROP INDEX / DROP KEY.
type DropIndex struct {
	Name     string
	IfExists bool
}

// DropPrimaryKey is DROP PRIMARY KEY.
type DropPrimaryKey struct{}

// RenameIndex is RENAME INDEX a TO b.
type RenameIndex struct {
	From, To string
}

// AddForeignKey is ADD [CONSTRAINT [name]] FOREIGN KEY [index_name] (...).
// An empty ForeignKey.Name asks MySQL to generate one (table_ibfk_N).
type AddForeignKey struct {
	ForeignKey *ForeignKey
	// IndexName is the optional index name written after FOREIGN KEY; MySQL
	// uses it for the index it creates when none covers the columns.
	IndexName string
}

// DropForeignKey is DROP FOREIGN KEY.
type DropForeignKey struct {
	Name     string
	IfExists bool
}

// AddCheck is ADD [CONSTRAINT [name]] CHECK (...).
type AddCheck struct {
	Check *Check
}

// DropCheck is DROP CHECK.
type DropCheck struct {
	Name string
}

// DropConstraint is DROP CONSTRAINT (MySQL 8.0.19+): it drops the foreign
// key, check or unique key of that name, whichever exists. Sequelize's
// removeConstraint also lowers to this.
type DropConstraint struct {
	Name string
}

// SetTableOptions changes table options (ENGINE=, DEFAULT CHARSET=, COMMENT=...).
// Only the fields whose Set flag is true change.
type SetTableOptions struct {
	Options                                                       TableOptions
	SetEngine, SetCharset, SetCollation, SetComment, SetRowFormat bool
}

// ConvertCharset is CONVERT TO CHARACTER SET: every string column changes too.
type ConvertCharset struct {
	Charset   string
	Collation string
}

// RenameTo is ALTER TABLE ... RENAME [TO] new_name.
type RenameTo struct {
	Name string
}

// Insert is INSERT / REPLACE, Sequelize bulkInsert, insert or upsert.
type Insert struct {
	Table      string
	Columns    []string
	Rows       int // number of literal rows; 0 for INSERT ... SELECT
	FromSelect bool
}

// Update is UPDATE or Sequelize bulkUpdate/update.
type Update struct {
	Table    string
	Columns  []string // the columns that SET assigns
	HasWhere bool
	HasLimit bool
	// Where is the normalised WHERE text, for messages and backfill checks.
	Where string
}

// Delete is DELETE or Sequelize bulkDelete/delete.
type Delete struct {
	Table    string
	HasWhere bool
	HasLimit bool
	Where    string
}

// Truncate is TRUNCATE TABLE.
type Truncate struct {
	Table string
}

// Other is a statement that does not change the schema and that no rule
// needs to inspect (SET, SELECT, USE, comments-only bodies, ...).
type Other struct {
	Kind string // e.g. "SET", "SELECT"
}

func (*CreateTable) change() {}
func (*DropTable) change()   {}
func (*RenameTable) change() {}
func (*AlterTable) change()  {}
func (*Insert) change()      {}
func (*Update) change()      {}
func (*Delete) change()      {}
func (*Truncate) change()    {}
func (*Other) change()       {}

func (*AddColumn) alterSpec()          {}
func (*DropColumn) alterSpec()         {}
func (*ModifyColumn) alterSpec()       {}
func (*RenameColumn) alterSpec()       {}
func (*AlterColumnDefault) alterSpec() {}
func (*AddIndex) alterSpec()           {}
func (*DropIndex) alterSpec()          {}
func (*DropPrimaryKey) alterSpec()     {}
func (*RenameIndex) alterSpec()        {}
func (*AddForeignKey) alterSpec()      {}
func (*DropForeignKey) alterSpec()     {}
func (*AddCheck) alterSpec()           {}
func (*DropCheck) alterSpec()          {}
func (*DropConstraint) alterSpec()     {}
func (*SetTableOptions) alterSpec()    {}
func (*ConvertCharset) alterSpec()     {}
func (*RenameTo) alterSpec()           {}
