// Package schema models a MySQL 8 database schema and predicts what DDL does
// to it.
//
// The pieces:
//
//   - model.go: Schema, Table, Column, Type, Index, ForeignKey, Check,
//     referring to each other by name.
//   - types.go: ParseType and CanonicalType turn a column type as written
//     (INTEGER, BOOL, DOUBLE PRECISION, CHAR(36) BINARY, ...) into the form
//     MySQL 8 stores; Type.String renders information_schema COLUMN_TYPE.
//   - change.go: the closed set of Change values every input language is
//     lowered to.
//   - simulate.go: Apply applies one Change with MySQL 8 semantics (implicit
//     foreign key indexes, generated names, rename propagation, charset
//     inheritance) or returns the *Error MySQL would raise, with its number,
//     SQLSTATE, symbol and message. Apply is copy-on-write: the input schema
//     is never modified, so callers keep every intermediate state cheaply.
//   - compare.go: Compare names every difference between two states.
//   - render.go: SHOW CREATE TABLE style rendering and RenderChange, which
//     turns a Change back into SQL.
//
// Deliberate deviations from MySQL are listed on the functions concerned;
// data-dependent errors (1062 duplicate entry, 1452 orphan rows, 1138
// invalid use of NULL) are never raised, because the simulator has no rows.
package schema
