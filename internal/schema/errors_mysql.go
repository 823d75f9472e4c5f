package schema

import (
	"fmt"
	"strings"
)

// MySQL error numbers the simulator raises. The names are the server's
// symbols (mysqld_error.h) and the messages are the server's texts.
const (
	ErTableExists               = 1050
	ErBadTable                  = 1051
	ErBadField                  = 1054
	ErTooLongIdent              = 1059
	ErDupFieldName              = 1060
	ErDupKeyName                = 1061
	ErWrongFieldSpec            = 1063
	ErInvalidDefault            = 1067
	ErMultiplePriKey            = 1068
	ErTooManyKeys               = 1069
	ErTooLongKey                = 1071
	ErKeyColumnDoesNotExist     = 1072
	ErTooBigFieldLength         = 1074
	ErWrongAutoKey              = 1075
	ErWrongSubKey               = 1089
	ErCantRemoveAllFields       = 1090
	ErCantDropFieldOrKey        = 1091
	ErBlobCantHaveDefault       = 1101
	ErTableMustHaveColumns      = 1113
	ErUnknownCharacterSet       = 1115
	ErTooBigRowSize             = 1118
	ErNoSuchTable               = 1146
	ErBlobKeyWithoutLength      = 1170
	ErKeyDoesNotExist           = 1176
	ErWrongFKDef                = 1239
	ErCollationCharsetMismatch  = 1253
	ErWrongNameForIndex         = 1280
	ErBadFTColumn               = 1283
	ErTooBigScale               = 1425
	ErTooBigPrecision           = 1426
	ErMBiggerThanD              = 1427
	ErDropIndexFK               = 1553
	ErFKNoIndexParent           = 1822
	ErFKCannotOpenParent        = 1824
	ErFKDupName                 = 1826
	ErFKColumnCannotDrop        = 1828
	ErFKColumnCannotDropChild   = 1829
	ErFKColumnNotNull           = 1830
	ErJSONUsedAsKey             = 3152
	ErFKCannotDropParent        = 3730
	ErFKNoColumnParent          = 3734
	ErFKIncompatibleColumns     = 3780
	ErCheckConstraintNotFound   = 3821
	ErCheckConstraintDupName    = 3822
	ErMultipleConstraintsSameNm = 3939
	ErConstraintNotFound        = 3940
	ErFKNoUniqueIndexParent     = 6125
)

// errDef is the fixed part of a MySQL error: symbol, SQLSTATE and format.
type errDef struct {
	name, state, format string
}

var errDefs = map[int]errDef{
	ErTableExists:               {"ER_TABLE_EXISTS_ERROR", "42S01", "Table '%s' already exists"},
	ErBadTable:                  {"ER_BAD_TABLE_ERROR", "42S02", "Unknown table '%s'"},
	ErBadField:                  {"ER_BAD_FIELD_ERROR", "42S22", "Unknown column '%s' in '%s'"},
	ErTooLongIdent:              {"ER_TOO_LONG_IDENT", "42000", "Identifier name '%s' is too long"},
	ErDupFieldName:              {"ER_DUP_FIELDNAME", "42S21", "Duplicate column name '%s'"},
	ErDupKeyName:                {"ER_DUP_KEYNAME", "42000", "Duplicate key name '%s'"},
	ErWrongFieldSpec:            {"ER_WRONG_FIELD_SPEC", "42000", "Incorrect column specifier for column '%s'"},
	ErInvalidDefault:            {"ER_INVALID_DEFAULT", "42000", "Invalid default value for '%s'"},
	ErMultiplePriKey:            {"ER_MULTIPLE_PRI_KEY", "42000", "Multiple primary key defined"},
	ErTooManyKeys:               {"ER_TOO_MANY_KEYS", "42000", "Too many keys specified; max %d keys allowed"},
	ErTooLongKey:                {"ER_TOO_LONG_KEY", "42000", "Specified key was too long; max key length is %d bytes"},
	ErKeyColumnDoesNotExist:     {"ER_KEY_COLUMN_DOES_NOT_EXITS", "42000", "Key column '%s' doesn't exist in table"},
	ErTooBigFieldLength:         {"ER_TOO_BIG_FIELDLENGTH", "42000", "Column length too big for column '%s' (max = %d); use BLOB or TEXT instead"},
	ErWrongAutoKey:              {"ER_WRONG_AUTO_KEY", "42000", "Incorrect table definition; there can be only one auto column and it must be defined as a key"},
	ErWrongSubKey:               {"ER_WRONG_SUB_KEY", "HY000", "Incorrect prefix key; the used key part isn't a string, the used length is longer than the key part, or the storage engine doesn't support unique prefix keys"},
	ErCantRemoveAllFields:       {"ER_CANT_REMOVE_ALL_FIELDS", "42000", "You can't delete all columns with ALTER TABLE; use DROP TABLE instead"},
	ErCantDropFieldOrKey:        {"ER_CANT_DROP_FIELD_OR_KEY", "42000", "Can't DROP '%s'; check that column/key exists"},
	ErBlobCantHaveDefault:       {"ER_BLOB_CANT_HAVE_DEFAULT", "42000", "BLOB, TEXT, GEOMETRY or JSON column '%s' can't have a default value"},
	ErTableMustHaveColumns:      {"ER_TABLE_MUST_HAVE_COLUMNS", "42000", "A table must have at least 1 column"},
	ErUnknownCharacterSet:       {"ER_UNKNOWN_CHARACTER_SET", "42000", "Unknown character set: '%s'"},
	ErTooBigRowSize:             {"ER_TOO_BIG_ROWSIZE", "42000", "Row size too large. The maximum row size for the used table type, not counting BLOBs, is 65535. This includes storage overhead, check the manual. You have to change some columns to TEXT or BLOBs"},
	ErNoSuchTable:               {"ER_NO_SUCH_TABLE", "42S02", "Table '%s' doesn't exist"},
	ErBlobKeyWithoutLength:      {"ER_BLOB_KEY_WITHOUT_LENGTH", "42000", "BLOB/TEXT column '%s' used in key specification without a key length"},
	ErKeyDoesNotExist:           {"ER_KEY_DOES_NOT_EXITS", "42000", "Key '%s' doesn't exist in table '%s'"},
	ErWrongFKDef:                {"ER_WRONG_FK_DEF", "42000", "Incorrect foreign key definition for '%s': Key reference and table reference don't match"},
	ErCollationCharsetMismatch:  {"ER_COLLATION_CHARSET_MISMATCH", "42000", "COLLATION '%s' is not valid for CHARACTER SET '%s'"},
	ErWrongNameForIndex:         {"ER_WRONG_NAME_FOR_INDEX", "42000", "Incorrect index name '%s'"},
	ErBadFTColumn:               {"ER_BAD_FT_COLUMN", "HY000", "Column '%s' cannot be part of FULLTEXT index"},
	ErTooBigScale:               {"ER_TOO_BIG_SCALE", "42000", "Too big scale %d specified for column '%s'. Maximum is %d."},
	ErTooBigPrecision:           {"ER_TOO_BIG_PRECISION", "42000", "Too-big precision %d specified for '%s'. Maximum is %d."},
	ErMBiggerThanD:              {"ER_M_BIGGER_THAN_D", "42000", "For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column '%s')."},
	ErDropIndexFK:               {"ER_DROP_INDEX_FK", "HY000", "Cannot drop index '%s': needed in a foreign key constraint"},
	ErFKNoIndexParent:           {"ER_FK_NO_INDEX_PARENT", "HY000", "Failed to add the foreign key constraint. Missing index for constraint '%s' in the referenced table '%s'"},
	ErFKCannotOpenParent:        {"ER_FK_CANNOT_OPEN_PARENT", "HY000", "Failed to open the referenced table '%s'"},
	ErFKDupName:                 {"ER_FK_DUP_NAME", "HY000", "Duplicate foreign key constraint name '%s'"},
	ErFKColumnCannotDrop:        {"ER_FK_COLUMN_CANNOT_DROP", "HY000", "Cannot drop column '%s': needed in a foreign key constraint '%s'"},
	ErFKColumnCannotDropChild:   {"ER_FK_COLUMN_CANNOT_DROP_CHILD", "HY000", "Cannot drop column '%s': needed in a foreign key constraint '%s' of table '%s'"},
	ErFKColumnNotNull:           {"ER_FK_COLUMN_NOT_NULL", "HY000", "Column '%s' cannot be NOT NULL: needed in a foreign key constraint '%s' SET NULL"},
	ErJSONUsedAsKey:             {"ER_JSON_USED_AS_KEY", "42000", "JSON column '%s' supports indexing only via generated columns on a specified JSON path."},
	ErFKCannotDropParent:        {"ER_FK_CANNOT_DROP_PARENT", "HY000", "Cannot drop table '%s' referenced by a foreign key constraint '%s' on table '%s'."},
	ErFKNoColumnParent:          {"ER_FK_NO_COLUMN_PARENT", "HY000", "Failed to add the foreign key constraint. Missing column '%s' for constraint '%s' in the referenced table '%s'"},
	ErFKIncompatibleColumns:     {"ER_FK_INCOMPATIBLE_COLUMNS", "HY000", "Referencing column '%s' and referenced column '%s' in foreign key constraint '%s' are incompatible."},
	ErCheckConstraintNotFound:   {"ER_CHECK_CONSTRAINT_NOT_FOUND", "HY000", "Check constraint '%s' is not found in the table."},
	ErCheckConstraintDupName:    {"ER_CHECK_CONSTRAINT_DUP_NAME", "HY000", "Duplicate check constraint name '%s'."},
	ErMultipleConstraintsSameNm: {"ER_MULTIPLE_CONSTRAINTS_WITH_SAME_NAME", "HY000", "Table has multiple constraints with the name '%s'. Please use constraint specific 'DROP' clause."},
	ErConstraintNotFound:        {"ER_CONSTRAINT_NOT_FOUND", "HY000", "Constraint '%s' does not exist."},
	ErFKNoUniqueIndexParent:     {"ER_FK_NO_UNIQUE_INDEX_PARENT", "HY000", "Failed to add the foreign key constraint. Missing unique key for constraint '%s' in the referenced table '%s'"},
}

// newError builds the MySQL error with the given number, filling the
// server's message format with args.
func newError(code int, args ...any) *Error {
	d, ok := errDefs[code]
	if !ok {
		return &Error{Code: code, Name: "ER_UNKNOWN", SQLState: "HY000", Message: fmt.Sprint(args...)}
	}
	msg := d.format
	if strings.Contains(msg, "%") {
		msg = fmt.Sprintf(d.format, args...)
	}
	return &Error{Code: code, Name: d.name, SQLState: d.state, Message: msg}
}

// ErrorName returns the server symbol of a MySQL error number the simulator
// knows (e.g. ER_TABLE_EXISTS_ERROR for 1050), or "".
func ErrorName(code int) string { return errDefs[code].name }
