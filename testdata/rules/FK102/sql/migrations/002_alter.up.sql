ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE; -- want FK102 "`orders_user_fk`.*declares ON DELETE SET NULL, but `orders.user_id` is NOT NULL.*error 1830"
ALTER TABLE orders MODIFY reviewer_id BIGINT UNSIGNED NOT NULL; -- want FK102 "`reviewer_id` cannot be NOT NULL while foreign key `orders_reviewer_fk` sets it to NULL"
-- ok: CASCADE on a NOT NULL column is fine
ALTER TABLE orders ADD CONSTRAINT orders_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE;
