CREATE TABLE invoices (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  total_amount DOUBLE NOT NULL, -- want DT103 "`invoices.total_amount` holds money as DOUBLE"
  -- ok: exact type
  tax DECIMAL(19,4) NOT NULL,
  -- ok: a rate is a ratio, not money
  tax_rate FLOAT NOT NULL,
  -- ok: a weight is a measurement
  total_weight FLOAT NULL
);
CREATE TABLE game_scores (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- ok: a total outside a money table is not money
  total DOUBLE NOT NULL
);
ALTER TABLE invoices ADD COLUMN shipping_fee FLOAT NULL; -- want DT103 "`invoices.shipping_fee` holds money as FLOAT"
ALTER TABLE invoices ADD COLUMN discount_price REAL NULL;
-- ok: fixed by a later statement, the final type is DECIMAL
ALTER TABLE invoices MODIFY discount_price DECIMAL(10,2) NULL;
