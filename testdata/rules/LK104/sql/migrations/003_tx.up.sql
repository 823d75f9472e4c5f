START TRANSACTION;
ALTER TABLE invoices ADD COLUMN paid_at DATETIME NULL; -- want LK104 "runs inside a transaction with 1 other statement.*commits implicitly"
ALTER TABLE invoices ADD COLUMN due_at DATETIME NULL;
COMMIT;
