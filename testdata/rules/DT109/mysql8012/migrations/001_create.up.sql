CREATE TABLE notes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tags JSON NOT NULL DEFAULT (JSON_ARRAY()), -- want DT109 "expression default .JSON_ARRAY.*, which MySQL accepts only from 8.0.13"
  -- ok: CURRENT_TIMESTAMP defaults work on every 8.0 release
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
