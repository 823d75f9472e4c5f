package onlineddl

// Kind is one row of the manual's online DDL tables (or, where marked, an
// operation the tables do not list).
type Kind int

// Column operations.
const (
	AddColumn Kind = iota + 1
	DropColumn
	RenameColumn
	ReorderColumns
	SetColumnDefault
	DropColumnDefault
	ChangeColumnType
	ExtendVarchar
	ChangeAutoIncrementValue
	MakeColumnNull
	MakeColumnNotNull
	ModifyEnumSet
	// Generated column operations.
	AddStoredColumn
	ReorderStoredColumn
	DropStoredColumn
	AddVirtualColumn
	ReorderVirtualColumn
	DropVirtualColumn
	// Index operations.
	AddSecondaryIndex
	DropIndex
	RenameIndex
	AddFulltextIndex
	AddSpatialIndex
	ChangeIndexType
	// Primary key operations.
	AddPrimaryKey
	DropPrimaryKey
	DropPrimaryKeyAddAnother
	// Foreign key operations.
	AddForeignKey
	DropForeignKey
	// Table operations.
	ChangeRowFormat
	ChangeKeyBlockSize
	SetTableStatistics
	SpecifyCharset
	ConvertCharset
	OptimizeTable
	ForceRebuild
	NullRebuild
	RenameTable
	// Table operations the online DDL tables do not list.
	ChangeEngine
	TableComment
	AddCheck
	DropCheck
	// Tablespace operations.
	RenameGeneralTablespace
	GeneralTablespaceEncryption
	FilePerTableEncryption
	// Partitioning operations.
	PartitionBy
	AddPartition
	DropPartition
	DiscardPartition
	ImportPartition
	TruncatePartition
	CoalescePartition
	ReorganizePartition
	ExchangePartition
	AnalyzePartition
	CheckPartition
	OptimizePartition
	RebuildPartition
	RepairPartition
	RemovePartitioning
)

// Lock is the LOCK clause an operation needs at least.
type Lock int

// Locks from the least to the most restrictive. LockDefault is what INSTANT
// takes: only a brief metadata lock, and no LOCK clause other than DEFAULT
// is accepted with it.
const (
	LockDefault Lock = iota
	LockNone
	LockShared
	LockExclusive
)

// String returns the LOCK clause value: DEFAULT, NONE, SHARED or EXCLUSIVE.
func (l Lock) String() string {
	switch l {
	case LockNone:
		return "NONE"
	case LockShared:
		return "SHARED"
	case LockExclusive:
		return "EXCLUSIVE"
	}
	return "DEFAULT"
}

// Algorithm is ALGORITHM=INSTANT, INPLACE or COPY.
type Algorithm int

// Algorithms from the cheapest to the most expensive.
const (
	Instant Algorithm = iota
	Inplace
	Copy
)

// String returns the ALGORITHM clause value: INSTANT, INPLACE or COPY.
func (a Algorithm) String() string {
	switch a {
	case Inplace:
		return "INPLACE"
	case Copy:
		return "COPY"
	}
	return "INSTANT"
}

// Operation is one thing an ALTER TABLE clause does, with the facts about
// the table that change how InnoDB runs it.
type Operation struct {
	Kind Kind
	// Table, and Column or Index when the operation is about one, for
	// messages.
	Table  string
	Column string
	Index  string
	// Detail says more about the operation in prose ("VARCHAR(60) to
	// VARCHAR(100) crosses 255 bytes"), for messages.
	Detail string
	// Last: AddColumn adds the column after every existing column.
	Last bool
	// AutoIncrement: AddColumn adds an AUTO_INCREMENT column.
	AutoIncrement bool
	// FirstFulltext: AddFulltextIndex adds the table's first FULLTEXT index
	// and the table has no FTS_DOC_ID column, so InnoDB adds one.
	FirstFulltext bool
	// ForeignKeyChecksOff: AddForeignKey runs with foreign_key_checks=0.
	ForeignKeyChecksOff bool
	// NoInstantTable: the table cannot take instant column changes
	// (ROW_FORMAT=COMPRESSED, or it has a FULLTEXT index).
	NoInstantTable bool
	// EncodingChanges: SpecifyCharset or ConvertCharset picks a different
	// character encoding.
	EncodingChanges bool
	// NullsToConvert: AddPrimaryKey or DropPrimaryKeyAddAnother makes
	// nullable columns NOT NULL.
	NullsToConvert bool
	// RangeOrList: AddPartition or DropPartition on a RANGE or LIST
	// partitioned table.
	RangeOrList bool
	// Key is an ir.Op attribute key locating the clause ("column:x",
	// "index:y"), or empty.
	Key string
}

// Support is how InnoDB can run one operation on a given version.
type Support struct {
	// Instant: ALGORITHM=INSTANT is supported.
	Instant bool
	// Inplace: ALGORITHM=INPLACE is supported; otherwise only COPY is.
	Inplace bool
	// Rebuild: the INPLACE path rebuilds the table (COPY always does).
	Rebuild bool
	// ConcurrentDML: the INPLACE path permits concurrent DML (COPY never
	// does).
	ConcurrentDML bool
	// Lock is the least restrictive LOCK the INPLACE path accepts.
	Lock Lock
	// MetadataOnly: the operation only modifies metadata.
	MetadataOnly bool
	// Doc names the documentation row: "innodb-online-ddl-operations:
	// Adding a column".
	Doc string
	// Note states a condition or exception from the row's usage notes.
	Note string
}

const page = "innodb-online-ddl-operations: "

// Classify returns how InnoDB runs op on MySQL v, following the manual's
// online DDL tables and their usage notes.
func Classify(op Operation, v Version) Support {
	instant := v.atLeast(instantIntroduced)
	// inplace is the common row shape "In Place Yes, Permits Concurrent DML
	// Yes": rebuild says whether the table is rebuilt.
	inplace := func(doc string, rebuild, metadata bool) Support {
		return Support{Inplace: true, Rebuild: rebuild, ConcurrentDML: true, Lock: LockNone, MetadataOnly: metadata, Doc: page + doc}
	}
	// blockingInplace is "In Place Yes, Permits Concurrent DML No": at least
	// LOCK=SHARED.
	blockingInplace := func(doc string, rebuild bool) Support {
		return Support{Inplace: true, Rebuild: rebuild, Lock: LockShared, Doc: page + doc}
	}
	copyOnly := func(doc string) Support {
		return Support{Rebuild: true, Lock: LockShared, Doc: page + doc}
	}
	switch op.Kind {
	case AddColumn:
		s := inplace("Adding a column", true, false)
		switch {
		case op.AutoIncrement:
			s = blockingInplace("Adding a column", true)
			s.Note = "concurrent DML is not permitted when adding an AUTO_INCREMENT column; at least ALGORITHM=INPLACE, LOCK=SHARED is required"
		case op.NoInstantTable:
			s.Note = "the table uses ROW_FORMAT=COMPRESSED or has a FULLTEXT index, where columns cannot be added instantly"
		case op.Last && instant, v.atLeast(instantAnyPosition):
			s.Instant = true
		case instant:
			s.Note = "before MySQL 8.0.29 a column is added instantly only as the last column"
		}
		return s
	case DropColumn:
		s := inplace("Dropping a column", true, false)
		s.Instant = v.atLeast(instantAnyPosition) && !op.NoInstantTable
		return s
	case RenameColumn:
		s := inplace("Renaming a column", false, true)
		s.Instant = v.atLeast(instantRename)
		return s
	case ReorderColumns:
		return inplace("Reordering columns", true, false)
	case SetColumnDefault:
		s := inplace("Setting a column default value", false, true)
		s.Instant = instant
		return s
	case DropColumnDefault:
		s := inplace("Dropping the column default value", false, true)
		s.Instant = instant
		return s
	case ChangeColumnType:
		s := copyOnly("Changing the column data type")
		s.Note = "only ALGORITHM=COPY is supported"
		return s
	case ExtendVarchar:
		s := inplace("Extending VARCHAR column size", false, true)
		s.Note = "the number of length bytes stays the same"
		return s
	case ChangeAutoIncrementValue:
		return inplace("Changing the auto-increment value", false, false)
	case MakeColumnNull:
		return inplace("Making a column NULL", true, false)
	case MakeColumnNotNull:
		s := inplace("Making a column NOT NULL", true, false)
		s.Note = "needs strict SQL mode (the default) and fails if the column holds NULL values"
		return s
	case ModifyEnumSet:
		s := inplace("Modifying the definition of an ENUM or SET column", false, true)
		s.Instant = instant
		s.Note = "members appended at the end without changing the storage size"
		return s
	case AddStoredColumn:
		return copyOnly("Adding a STORED column")
	case ReorderStoredColumn:
		return copyOnly("Modifying STORED column order")
	case DropStoredColumn:
		return inplace("Dropping a STORED column", true, false)
	case AddVirtualColumn:
		s := inplace("Adding a VIRTUAL column", false, true)
		s.Instant = instant
		return s
	case ReorderVirtualColumn:
		return copyOnly("Modifying VIRTUAL column order")
	case DropVirtualColumn:
		s := inplace("Dropping a VIRTUAL column", false, true)
		s.Instant = instant
		return s
	case AddSecondaryIndex:
		return inplace("Creating or adding a secondary index", false, false)
	case DropIndex:
		return inplace("Dropping an index", false, true)
	case RenameIndex:
		return inplace("Renaming an index", false, true)
	case AddFulltextIndex:
		s := blockingInplace("Adding a FULLTEXT index", op.FirstFulltext)
		if op.FirstFulltext {
			s.Note = "the first FULLTEXT index rebuilds the table to add the hidden FTS_DOC_ID column"
		}
		return s
	case AddSpatialIndex:
		return blockingInplace("Adding a SPATIAL index", false)
	case ChangeIndexType:
		s := inplace("Changing the index type", false, true)
		s.Instant = instant
		return s
	case AddPrimaryKey:
		s := inplace("Adding a primary key", true, false)
		if op.NullsToConvert {
			s.Note = "its columns become NOT NULL: INPLACE needs strict SQL mode (the default) and no NULL values, otherwise MySQL requires ALGORITHM=COPY"
		}
		return s
	case DropPrimaryKey:
		s := copyOnly("Dropping a primary key")
		s.Note = "only ALGORITHM=COPY is supported when no new primary key is added in the same statement"
		return s
	case DropPrimaryKeyAddAnother:
		s := inplace("Dropping a primary key and adding another", true, false)
		if op.NullsToConvert {
			s.Note = "the new key's columns become NOT NULL: INPLACE needs strict SQL mode (the default) and no NULL values"
		}
		return s
	case AddForeignKey:
		if op.ForeignKeyChecksOff {
			return inplace("Adding a foreign key constraint", false, true)
		}
		s := copyOnly("Adding a foreign key constraint")
		s.Note = "INPLACE is supported only when foreign_key_checks is disabled; otherwise only COPY is"
		return s
	case DropForeignKey:
		return inplace("Dropping a foreign key constraint", false, true)
	case ChangeRowFormat:
		return inplace("Changing the ROW_FORMAT", true, false)
	case ChangeKeyBlockSize:
		return inplace("Changing the KEY_BLOCK_SIZE", true, false)
	case SetTableStatistics:
		return inplace("Setting persistent table statistics", false, true)
	case SpecifyCharset:
		return inplace("Specifying a character set", op.EncodingChanges, false)
	case ConvertCharset:
		s := copyOnly("Converting a character set")
		s.Rebuild = true
		s.Note = "every character column is converted row by row"
		return s
	case OptimizeTable:
		return inplace("Optimizing a table", true, false)
	case ForceRebuild:
		return inplace("Rebuilding with the FORCE option", true, false)
	case NullRebuild:
		return inplace("Performing a null rebuild", true, false)
	case RenameTable:
		s := inplace("Renaming a table", false, true)
		s.Instant = instant
		return s
	case ChangeEngine:
		// Not an InnoDB online operation: the server copies the rows into
		// a table of the other engine.
		s := Support{Rebuild: true, Lock: LockShared, Doc: "alter-table: Storage, Performance, and Concurrency Considerations (changing the storage engine copies the table)"}
		s.Note = "a change of storage engine always copies the table"
		return s
	case TableComment:
		// Not in the tables: a table option other than ROW_FORMAT,
		// KEY_BLOCK_SIZE or TABLESPACE changes metadata only (InnoDB's
		// innobase_need_rebuild; MySQL bug #114221).
		return Support{Inplace: true, ConcurrentDML: true, Lock: LockNone, MetadataOnly: true, Doc: "alter-table: table options (COMMENT changes metadata only)"}
	case AddCheck:
		// Not in the tables: an enforced CHECK must be verified against
		// every row, which MySQL does only by copying (it answers
		// ALGORITHM=INSTANT or INPLACE with "Try ALGORITHM=COPY").
		s := Support{Rebuild: true, Lock: LockShared, Doc: "create-table-check-constraints: ALTER TABLE ... ADD CHECK validates existing rows (ALGORITHM=COPY)"}
		s.Note = "an enforced CHECK constraint is validated against every existing row by copying the table"
		return s
	case DropCheck:
		return Support{Inplace: true, ConcurrentDML: true, Lock: LockNone, MetadataOnly: true, Doc: "create-table-check-constraints: DROP CHECK changes metadata only"}
	case RenameGeneralTablespace:
		return inplace("Renaming a general tablespace", false, true)
	case GeneralTablespaceEncryption:
		return inplace("Enabling or disabling general tablespace encryption", false, false)
	case FilePerTableEncryption:
		return copyOnly("Enabling or disabling file-per-table tablespace encryption")
	case PartitionBy:
		return copyOnly("Partitioning operations: PARTITION BY")
	case AddPartition:
		if op.RangeOrList {
			return inplace("Partitioning operations: ADD PARTITION", false, false)
		}
		return blockingInplace("Partitioning operations: ADD PARTITION", false)
	case DropPartition:
		return inplace("Partitioning operations: DROP PARTITION", false, false)
	case DiscardPartition:
		return copyOnly("Partitioning operations: DISCARD PARTITION")
	case ImportPartition:
		return copyOnly("Partitioning operations: IMPORT PARTITION")
	case TruncatePartition:
		return inplace("Partitioning operations: TRUNCATE PARTITION", false, false)
	case CoalescePartition:
		return blockingInplace("Partitioning operations: COALESCE PARTITION", false)
	case ReorganizePartition:
		return blockingInplace("Partitioning operations: REORGANIZE PARTITION", false)
	case ExchangePartition:
		return inplace("Partitioning operations: EXCHANGE PARTITION", false, false)
	case AnalyzePartition:
		return inplace("Partitioning operations: ANALYZE PARTITION", false, false)
	case CheckPartition:
		return inplace("Partitioning operations: CHECK PARTITION", false, false)
	case OptimizePartition:
		return copyOnly("Partitioning operations: OPTIMIZE PARTITION")
	case RebuildPartition:
		return blockingInplace("Partitioning operations: REBUILD PARTITION", false)
	case RepairPartition:
		return inplace("Partitioning operations: REPAIR PARTITION", false, false)
	case RemovePartitioning:
		return copyOnly("Partitioning operations: REMOVE PARTITIONING")
	}
	// Unknown kinds are treated as the worst case the caller can see.
	return Support{Rebuild: true, Lock: LockShared, Doc: "unclassified operation"}
}

// Describe names the operation in prose for messages.
func (op Operation) Describe() string {
	col := func(verb string) string {
		if op.Column != "" {
			return verb + " `" + op.Table + "." + op.Column + "`"
		}
		return verb
	}
	idx := func(verb string) string {
		if op.Index != "" {
			return verb + " `" + op.Index + "`"
		}
		return verb
	}
	var s string
	switch op.Kind {
	case AddColumn:
		s = col("adding column")
		if op.AutoIncrement {
			s = col("adding AUTO_INCREMENT column")
		}
	case DropColumn, DropStoredColumn, DropVirtualColumn:
		s = col("dropping column")
	case RenameColumn:
		s = col("renaming column")
	case ReorderColumns, ReorderStoredColumn, ReorderVirtualColumn:
		s = col("moving column")
	case SetColumnDefault:
		s = col("setting the default of")
	case DropColumnDefault:
		s = col("dropping the default of")
	case ChangeColumnType:
		s = col("changing the data type of")
	case ExtendVarchar:
		s = col("extending VARCHAR column")
	case MakeColumnNull:
		s = col("making NULL-able column")
	case MakeColumnNotNull:
		s = col("making NOT NULL column")
	case ModifyEnumSet:
		s = col("appending members to")
	case AddStoredColumn:
		s = col("adding STORED generated column")
	case AddVirtualColumn:
		s = col("adding VIRTUAL generated column")
	case AddSecondaryIndex:
		s = idx("adding index")
	case DropIndex:
		s = idx("dropping index")
	case RenameIndex:
		s = idx("renaming index")
	case AddFulltextIndex:
		s = idx("adding FULLTEXT index")
	case AddSpatialIndex:
		s = idx("adding SPATIAL index")
	case AddPrimaryKey:
		s = "adding a primary key to `" + op.Table + "`"
	case DropPrimaryKey:
		s = "dropping the primary key of `" + op.Table + "`"
	case DropPrimaryKeyAddAnother:
		s = "replacing the primary key of `" + op.Table + "`"
	case AddForeignKey:
		s = idx("adding foreign key")
	case DropForeignKey:
		s = idx("dropping foreign key")
	case ChangeRowFormat:
		s = "changing ROW_FORMAT"
	case ChangeKeyBlockSize:
		s = "changing KEY_BLOCK_SIZE"
	case SpecifyCharset:
		s = "changing the default character set"
	case ConvertCharset:
		s = "CONVERT TO CHARACTER SET"
	case NullRebuild:
		s = "ENGINE=InnoDB (a null rebuild)"
	case ChangeEngine:
		s = "changing the storage engine"
	case RenameTable:
		s = "renaming the table"
	case TableComment:
		s = "changing the table comment"
	case AddCheck:
		s = idx("adding CHECK constraint")
	case DropCheck:
		s = idx("dropping CHECK constraint")
	default:
		s = "this operation"
	}
	if op.Detail != "" {
		s += " (" + op.Detail + ")"
	}
	return s
}
