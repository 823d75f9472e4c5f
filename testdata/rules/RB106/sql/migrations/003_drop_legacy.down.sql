ALTER TABLE shipments ADD COLUMN legacy_code VARCHAR(20) NULL; -- want RB106 "recreates column `shipments.legacy_code`, which the up dropped, but empty"
