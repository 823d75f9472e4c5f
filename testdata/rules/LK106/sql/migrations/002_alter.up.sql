ALTER TABLE customers ADD COLUMN email VARCHAR(191) NULL;
ALTER TABLE customers ADD INDEX idx_customers_email (email); -- want LK106 "alters existing table `customers` in 3 separate statements [(]lines 1, 2, 3[)]"
ALTER TABLE customers MODIFY phone VARCHAR(40) NULL;
-- ok: one ALTER with every clause for this table
ALTER TABLE addresses ADD COLUMN zip VARCHAR(10) NULL, ADD INDEX idx_addresses_city (city);
-- ok: a table created in this migration
CREATE TABLE tags (id INT NOT NULL PRIMARY KEY);
ALTER TABLE tags ADD COLUMN name VARCHAR(40) NULL;
ALTER TABLE tags ADD INDEX idx_tags_name (name);
