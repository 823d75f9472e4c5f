CREATE TABLE products (id INT PRIMARY KEY, status VARCHAR(10), tmp INT);
-- ok: dropping a column of a table created in this migration
ALTER TABLE products DROP COLUMN tmp;
