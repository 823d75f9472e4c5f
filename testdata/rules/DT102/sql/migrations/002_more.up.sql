ALTER TABLE articles ADD COLUMN summary TEXT NULL;
CREATE TABLE pages (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug VARCHAR(191) NOT NULL -- want DT102 "`pages.slug` is the slug"
);
-- ok: the unique key comes in the next statement, so the column ends up unique
ALTER TABLE users ADD COLUMN handle VARCHAR(64) NULL;
CREATE UNIQUE INDEX users_handle_uk ON users (handle);
