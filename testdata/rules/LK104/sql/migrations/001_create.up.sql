-- ok: a single DDL statement per migration
CREATE TABLE invoices (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  total DECIMAL(10,2) NOT NULL,
  currency CHAR(3) NULL
);
