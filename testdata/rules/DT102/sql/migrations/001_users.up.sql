CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(191) NOT NULL, -- want DT102 "`users.email` identifies an account.*no UNIQUE key"
  -- ok: unique username, must stay silent
  username VARCHAR(64) NOT NULL UNIQUE
);

CREATE TABLE articles (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id BIGINT UNSIGNED NOT NULL,
  -- ok: unique per tenant through a composite key
  slug VARCHAR(191) NOT NULL,
  UNIQUE KEY articles_tenant_slug_uk (tenant_id, slug)
);

CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- ok: a guest's contact address on an order is not an identity
  email VARCHAR(191) NULL
);

CREATE TABLE customers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- ok: guest checkouts may repeat a customer's address
  email VARCHAR(191) NULL
);

CREATE TABLE slug_history (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- ok: a history table holds the same slug many times
  slug VARCHAR(191) NOT NULL
);
