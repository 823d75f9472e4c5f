ALTER TABLE orders ADD COLUMN currency CHAR(3) NULL; -- want RB105 "error 1060"
