ALTER TABLE orders ADD COLUMN currency CHAR(3) NULL;
CREATE INDEX orders_status_idx ON orders (status);
