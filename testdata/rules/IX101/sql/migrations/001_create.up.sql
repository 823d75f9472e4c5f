CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY
);

CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  status VARCHAR(20) NOT NULL,
  email VARCHAR(100) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY orders_user_status_idx (user_id, status),
  KEY orders_user_idx (user_id), -- want IX101 "index `orders_user_idx` on `orders`\\(user_id\\) is redundant: index `orders_user_status_idx`"
  KEY orders_id_idx (id), -- want IX101 "duplicates the primary key of `orders`\\(id\\)"
  -- ok: a unique key enforces something its longer non-unique twin does not
  UNIQUE KEY orders_email_uk (email),
  KEY orders_email_created_idx (email, created_at),
  KEY orders_created_idx (created_at),
  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE payments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE
);
