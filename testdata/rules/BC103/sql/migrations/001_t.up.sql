CREATE TABLE orders (id INT PRIMARY KEY);
-- ok: the table is created in this migration, so it is empty
ALTER TABLE orders ADD COLUMN region CHAR(2) NOT NULL;
