-- Deliberate: no down migration for this one.
CREATE TABLE coupons (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  code VARCHAR(32) NOT NULL,
  percent_off TINYINT UNSIGNED NOT NULL,
  expires_at DATETIME NULL,
  PRIMARY KEY (id),
  UNIQUE KEY coupons_code_uk (code)
) ENGINE=InnoDB;
