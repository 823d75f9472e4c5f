-- migrate:up
ALTER TABLE users ADD COLUMN b INT;
