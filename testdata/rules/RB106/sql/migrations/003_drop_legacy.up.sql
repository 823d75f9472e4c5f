ALTER TABLE shipments DROP COLUMN legacy_code;
