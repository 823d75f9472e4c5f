ALTER TABLE invoices DROP COLUMN due_at, DROP COLUMN paid_at;
