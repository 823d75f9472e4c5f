CREATE TABLE shipments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id BIGINT UNSIGNED NOT NULL,
  CONSTRAINT shipments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE -- want FK106 "`users → orders → shipments`.*In all, a delete in `users` now cascades into `orders`, `order_items` and `shipments`"
);
