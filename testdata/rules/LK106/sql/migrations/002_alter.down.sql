DROP TABLE tags;
ALTER TABLE addresses DROP INDEX idx_addresses_city, DROP COLUMN zip;
ALTER TABLE customers MODIFY phone VARCHAR(20) NULL, DROP INDEX idx_customers_email, DROP COLUMN email;
