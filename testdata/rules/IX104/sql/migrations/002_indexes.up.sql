CREATE UNIQUE INDEX pages_url_uk ON pages (url); -- want IX104 "unique index `pages_url_uk` on `pages`\\(url\\)|Index `pages_url_uk` on `pages`\\(url\\) is 4000 bytes long.*3072 bytes.*error 1071"
CREATE INDEX pages_body_idx ON pages (body); -- want IX104 "indexes TEXT column `body` without a prefix length.*error 1170"
-- ok: a prefix within the limit
CREATE INDEX pages_body_prefix_idx ON pages (body(191));
-- ok: 255 characters of utf8mb4 are 1020 bytes
CREATE INDEX pages_title_idx ON pages (title);
-- ok: a latin1 prefix of 1000 bytes
CREATE INDEX pages_legacy_url_idx ON pages (legacy_url(700));
