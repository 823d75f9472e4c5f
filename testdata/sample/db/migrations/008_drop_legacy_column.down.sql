ALTER TABLE products ADD COLUMN status ENUM('draft','active','archived') NOT NULL DEFAULT 'draft' AFTER price_cents;
