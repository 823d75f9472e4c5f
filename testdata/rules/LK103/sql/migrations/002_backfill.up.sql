UPDATE products SET price = price * 2; -- want LK103 "UPDATE without WHERE or LIMIT rewrites every row of existing table `products` [(]setting `price`[)]"
INSERT INTO products_archive SELECT * FROM products; -- want LK103 "INSERT … SELECT into existing table `products_archive`"
-- ok: bounded by a key range
UPDATE products SET sku = UPPER(sku) WHERE id BETWEEN 1 AND 1000;
-- ok: bounded by LIMIT
UPDATE products SET sku = LOWER(sku) LIMIT 1000;
-- ok: a lookup table created in this migration is empty
CREATE TABLE currencies (code CHAR(3) NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL);
INSERT INTO currencies VALUES ('EUR', 'Euro'), ('USD', 'US dollar');
UPDATE currencies SET name = UPPER(name);
