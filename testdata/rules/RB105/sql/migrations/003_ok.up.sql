-- ok: up, down, up again works
ALTER TABLE orders ADD COLUMN note TEXT NULL;
