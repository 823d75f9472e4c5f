-- Deliberate: forgets the currency column and the index.
ALTER TABLE orders
  DROP COLUMN shipping_address,
  DROP COLUMN shipped_at;
