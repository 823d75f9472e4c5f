CREATE INDEX orders_status_idx ON orders (created_at); -- want IX102 "`orders` already has an index named `orders_status_idx` \\(status\\).*error 1061"
-- ok: the name is freed by the drop in the same statement
ALTER TABLE orders DROP INDEX orders_status_idx, ADD INDEX orders_status_idx (status, created_at);

CREATE TABLE invoices (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE -- want IX102 "foreign key named `orders_user_fk` already exists \\(on `orders`\\).*unique in the whole database.*error 1826"
);
