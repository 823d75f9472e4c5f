ALTER TABLE orders DROP COLUMN seller_id;
