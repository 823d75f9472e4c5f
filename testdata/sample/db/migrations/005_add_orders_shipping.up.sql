-- Shipping details for existing orders.
ALTER TABLE orders
  ADD COLUMN shipping_address VARCHAR(255) NULL,
  ADD COLUMN shipped_at DATETIME NULL;

-- Deliberate: NOT NULL with no default on a table that already holds rows.
ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL;

CREATE INDEX orders_status_idx ON orders (status);
