CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  region_id INT NULL
);
CREATE INDEX aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ON users (region_id); -- want IX103 "index name `a{65}` is 65 characters long"
CREATE TABLE subscription_renewal_reminder_delivery_attempts_by_region_x ( -- want IX103 "foreign key name `subscription_.*_ibfk_1` is 66 characters long.*MySQL names an unnamed foreign key"
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE
);
