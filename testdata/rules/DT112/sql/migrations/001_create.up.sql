CREATE TABLE licences (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  expires_at TIMESTAMP NULL, -- want DT112 "`licences.expires_at` holds future dates"
  -- ok: DATETIME reaches year 9999
  valid_until DATETIME NULL,
  -- ok: a creation time is never in the future
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
ALTER TABLE licences ADD COLUMN paid_until TIMESTAMP NULL; -- want DT112 "`licences.paid_until`"
