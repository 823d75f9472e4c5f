CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status ENUM('pending', 'paid', 'shipped') NOT NULL DEFAULT 'pending',
  is_gift TINYINT(1) NOT NULL DEFAULT 0,
  paymentState VARCHAR(20) NOT NULL,
  email VARCHAR(191) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY orders_status_idx (status), -- want IX106 "Index `orders_status_idx` covers only `orders.status`, an ENUM of 3 values"
  -- ok: a composite that starts with the status column
  KEY orders_status_created_idx (status, created_at),
  -- ok: an ordinary column
  KEY orders_email_idx (email)
);
