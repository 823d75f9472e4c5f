ALTER TABLE orders ADD COLUMN unrelated INT NULL;
ALTER TABLE orders DROP COLUMN unrelated;
