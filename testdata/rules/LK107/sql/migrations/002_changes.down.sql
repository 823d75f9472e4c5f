ALTER TABLE coupons DROP COLUMN note;
ALTER TABLE coupons DEFAULT CHARACTER SET utf8mb4;
ALTER TABLE old_sessions ENGINE=InnoDB;
RENAME TABLE old_sessions TO legacy_sessions;
ALTER TABLE audit_log DROP COLUMN id;
ALTER TABLE orders DROP COLUMN note;
