DROP TABLE tags;
ALTER TABLE users DROP COLUMN code;
ALTER TABLE users DROP COLUMN external_id;
DROP INDEX users_team_handle_uk ON users;
DROP INDEX users_email_uk ON users;
