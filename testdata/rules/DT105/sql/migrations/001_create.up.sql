CREATE TABLE webhooks (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payload_json TEXT NULL, -- want DT105 "`webhooks.payload_json` is named as JSON but is TEXT"
  -- ok: already JSON
  headers_json JSON NULL,
  -- ok: a plain-text body, not named as JSON
  body TEXT NULL
);
ALTER TABLE webhooks ADD COLUMN settingsJson VARCHAR(2000) NULL; -- want DT105 "`webhooks.settingsJson`"
