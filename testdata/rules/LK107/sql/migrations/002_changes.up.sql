ALTER TABLE orders ADD COLUMN note VARCHAR(100) NULL; -- want LK107 "large table `orders` [(]about 5,000,000 rows[)]"
ALTER TABLE audit_log ADD COLUMN id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST; -- want LK107 "changes the primary key of `audit_log`"
RENAME TABLE legacy_sessions TO old_sessions; -- want LK107 "renames `legacy_sessions` to `old_sessions`"
ALTER TABLE old_sessions ENGINE=MyISAM; -- want LK107 "changes the storage engine of `old_sessions` to MyISAM"
ALTER TABLE coupons DEFAULT CHARACTER SET latin1; -- want LK107 "default character set or collation of `coupons`"
-- ok: coupons is configured, but below the threshold
ALTER TABLE coupons ADD COLUMN note VARCHAR(100) NULL;
