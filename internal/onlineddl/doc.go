// Package onlineddl predicts how InnoDB runs an ALTER TABLE on MySQL 8: which
// algorithm it uses (INSTANT, INPLACE or COPY), whether the table is rebuilt,
// and whether concurrent DML is permitted while it runs.
//
// The predictions transcribe the tables of the MySQL Reference Manual,
// "InnoDB and Online DDL / Online DDL Operations"
// (innodb-online-ddl-operations.html): column, generated column, index,
// primary key, foreign key, table, tablespace and partitioning operations,
// with the point releases in which INSTANT support arrived:
//
//   - 8.0.12: ALGORITHM=INSTANT exists; ADD COLUMN as the last column, SET
//     and DROP DEFAULT, appending ENUM/SET members, adding and dropping
//     VIRTUAL columns, RENAME TABLE and changing the index type are instant.
//   - 8.0.28: RENAME COLUMN is instant.
//   - 8.0.29: ADD COLUMN at any position and DROP COLUMN are instant.
//
// Before 8.0.12 (and on 5.7) those operations run INPLACE. A version written
// without a patch level ("8.0") is read as the newest release of its series.
//
// Each clause of an ALTER TABLE becomes one or more Operations, classified
// alone by Classify; Predict combines them: an ALTER runs INSTANT only when
// every clause can, otherwise INPLACE when every clause can (instant-capable
// clauses then take their INPLACE path, which may rebuild), otherwise COPY.
package onlineddl
