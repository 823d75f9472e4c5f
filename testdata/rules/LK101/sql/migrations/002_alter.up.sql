ALTER TABLE orders MODIFY amount BIGINT NOT NULL; -- want LK101 "ALGORITHM=COPY, LOCK=SHARED on MySQL 8[.]0[.]35: the table is copied.*Cause: changing the data type of `orders.amount` [(]INT to BIGINT[)]"
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE; -- want LK101 "ALGORITHM=COPY.*foreign_key_checks"
ALTER TABLE orders ADD FULLTEXT INDEX ft_body (body); -- want LK101 "ALGORITHM=INPLACE, LOCK=SHARED.*every write to `orders` waits.*FULLTEXT index `ft_body`"
ALTER TABLE orders ADD COLUMN total DECIMAL(14,2) AS (amount * 2) STORED; -- want LK101 "STORED generated column `orders.total`"
ALTER TABLE events ADD COLUMN id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST; -- want LK101 "ALGORITHM=INPLACE, LOCK=SHARED.*AUTO_INCREMENT column `events.id`"
ALTER TABLE orders CONVERT TO CHARACTER SET latin1; -- want LK101 "CONVERT TO CHARACTER SET"
-- ok: making a column NOT NULL rebuilds in place and keeps writes going
ALTER TABLE orders MODIFY note VARCHAR(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;
-- ok: INPLACE with LOCK=NONE (the FULLTEXT index above rules out INSTANT), writes continue
ALTER TABLE orders ADD COLUMN paid_at DATETIME NULL AFTER amount;
-- ok: a secondary index is built INPLACE with LOCK=NONE
CREATE INDEX idx_orders_status ON orders (status);
-- ok: appending an ENUM member is instant
ALTER TABLE orders MODIFY status ENUM('new', 'paid', 'refunded') NOT NULL DEFAULT 'new';
-- ok: foreign key added with foreign_key_checks off runs INPLACE
SET foreign_key_checks = 0;
ALTER TABLE users ADD COLUMN referrer_id BIGINT UNSIGNED NULL, ADD CONSTRAINT users_referrer_fk FOREIGN KEY (referrer_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE;
SET foreign_key_checks = 1;
-- ok: a table created in this migration is empty
CREATE TABLE coupons (id INT NOT NULL PRIMARY KEY, code VARCHAR(20) NOT NULL);
ALTER TABLE coupons MODIFY code VARCHAR(40) CHARACTER SET latin1 NOT NULL;
