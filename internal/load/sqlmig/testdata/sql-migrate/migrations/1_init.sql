-- +migrate Up notransaction
CREATE TABLE t (id INT);
-- +migrate StatementBegin
UPDATE t SET id = 1; UPDATE t SET id = 2
-- +migrate StatementEnd
-- +migrate Down
DROP TABLE t;
