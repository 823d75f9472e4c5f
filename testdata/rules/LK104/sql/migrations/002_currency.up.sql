ALTER TABLE invoices ADD COLUMN status VARCHAR(20) NULL; -- want LK104 "mixes 1 DDL statement[(]s[)] with 1 data change[(]s[)]"
UPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;
