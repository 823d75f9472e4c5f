TRUNCATE TABLE sessions; -- want DS105 "TRUNCATE deletes the rows of existing table `sessions`"
DELETE FROM carts; -- want DS105 "DELETE without WHERE deletes the rows of existing table `carts`"
-- ok: a WHERE selects the rows
DELETE FROM sessions WHERE expired = 1;
-- ok: a table created in this migration
CREATE TABLE import_rows (id INT NOT NULL PRIMARY KEY);
TRUNCATE TABLE import_rows;
DELETE FROM import_rows;
