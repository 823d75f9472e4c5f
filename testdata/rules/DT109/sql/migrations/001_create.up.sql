CREATE TABLE posts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body TEXT NOT NULL DEFAULT '' -- want DT109 "`posts.body` TEXT DEFAULT '' .*error 1101.*literal default"
);

CREATE TABLE drafts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- ok: expression defaults in parentheses are accepted on 8.0.13+
  body TEXT NOT NULL DEFAULT (''),
  -- ok: CURRENT_TIMESTAMP on DATETIME
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  state ENUM('draft','published') NOT NULL DEFAULT 'draft'
);
ALTER TABLE drafts ADD COLUMN published_on INT NULL DEFAULT CURRENT_TIMESTAMP; -- want DT109 "`drafts.published_on`.*error 1067.*CURRENT_TIMESTAMP is a default only for DATETIME"
ALTER TABLE drafts ALTER COLUMN state SET DEFAULT 'archived'; -- want DT109 "'archived' is not one of the values"
