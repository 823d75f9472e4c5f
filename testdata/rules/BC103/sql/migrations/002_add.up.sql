ALTER TABLE orders
  ADD COLUMN currency CHAR(3) NOT NULL, -- want BC103 "`orders.currency` is added as NOT NULL without a default"
  ADD COLUMN placed_at DATETIME NOT NULL, -- want BC103 "ALTER itself fails"
  -- ok: nullable, defaulted and generated columns are fine
  ADD COLUMN note TEXT NULL,
  ADD COLUMN qty INT NOT NULL DEFAULT 1,
  ADD COLUMN qty2 INT AS (qty * 2) VIRTUAL;
