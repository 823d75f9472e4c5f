-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE t (id INT);
-- +goose StatementBegin
CREATE PROCEDURE p()
BEGIN
  SELECT 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP PROCEDURE p;
DROP TABLE t;
