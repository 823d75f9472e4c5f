CREATE TABLE legacy_notes ( -- want DT107 "Table `legacy_notes` uses the utf8mb3 character set"
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body TEXT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE comments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body VARCHAR(500) CHARACTER SET utf8mb3 NULL, -- want DT107 "Column `comments.body` uses the utf8mb3"
  -- ok: latin1 is a deliberate single-byte choice, not deprecated utf8
  code VARCHAR(10) CHARACTER SET latin1 NOT NULL
) DEFAULT CHARSET=utf8mb4;

-- ok: converted to utf8mb4 later, so the final table is fine
CREATE TABLE drafts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body TEXT NULL
) DEFAULT CHARSET=utf8;
ALTER TABLE drafts CONVERT TO CHARACTER SET utf8mb4;
