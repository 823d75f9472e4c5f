ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE; -- want FK105 "added to `orders`, which already holds rows.*error 1452.*SELECT COUNT\\(\\*\\) FROM orders c LEFT JOIN users p ON p.id = c.user_id WHERE c.user_id IS NOT NULL AND p.id IS NULL"

ALTER TABLE orders
  ADD COLUMN coupon_owner_id BIGINT UNSIGNED NULL,
  ADD CONSTRAINT orders_coupon_owner_fk FOREIGN KEY (coupon_owner_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE; -- want FK105 "ALGORITHM=COPY"

ALTER TABLE orders
  ADD COLUMN seller_id BIGINT UNSIGNED NOT NULL DEFAULT 1,
  ADD CONSTRAINT orders_seller_fk FOREIGN KEY (seller_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE; -- want FK105 "new column `seller_id` whose existing rows all get the default 1"

CREATE TABLE invoices (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL
);
-- ok: invoices is created by this migration, so it is empty
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE;
