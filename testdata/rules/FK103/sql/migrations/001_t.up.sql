CREATE TABLE users (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, uuid CHAR(36) NOT NULL, UNIQUE KEY (uuid));
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  user_id INT NOT NULL,
  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE -- want FK103 "`orders.user_id` is int but `users.id` is bigint unsigned"
);
CREATE TABLE payments (
  id INT NOT NULL PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  user_uuid CHAR(36) NOT NULL,
  -- ok: same type and signedness
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- ok: CHAR(36) to CHAR(36) in the same charset
  FOREIGN KEY (user_uuid) REFERENCES users (uuid) ON DELETE CASCADE ON UPDATE CASCADE
);
