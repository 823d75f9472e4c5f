ALTER TABLE accounts RENAME COLUMN nickname TO handle; -- want LK102 "on MySQL 8[.]0[.]28 it should run as ALGORITHM=INSTANT"
ALTER TABLE accounts DROP COLUMN legacy; -- want LK102 "on MySQL 8[.]0[.]28 it should run as ALGORITHM=INPLACE, LOCK=NONE"
CREATE INDEX idx_accounts_name ON accounts (name); -- want LK102 "CREATE INDEX on `accounts` does not assert"
ALTER TABLE accounts ADD COLUMN email VARCHAR(191) NULL, ALGORITHM=INSTANT, LOCK=NONE; -- want LK102 "refuses ALGORITHM=INSTANT with any LOCK clause other than DEFAULT"
ALTER TABLE accounts ADD COLUMN phone VARCHAR(20) NULL AFTER id, ALGORITHM=INSTANT; -- want LK102 "asserts ALGORITHM=INSTANT, but on MySQL 8[.]0[.]28 it can only run as ALGORITHM=INPLACE, LOCK=NONE.*error 1845"
-- ok: asserts INSTANT, and adding a last column is instant on 8.0.28
ALTER TABLE accounts ADD COLUMN city VARCHAR(50) NULL, ALGORITHM=INSTANT;
-- ok: asserts INPLACE with LOCK=NONE
ALTER TABLE accounts ADD INDEX idx_accounts_city (city), ALGORITHM=INPLACE, LOCK=NONE;
-- ok: a deliberate COPY is LK101's business, not this rule's
ALTER TABLE accounts MODIFY name VARCHAR(40) NOT NULL, ALGORITHM=COPY;
-- ok: a table created in this migration holds no data
CREATE TABLE notes (id INT NOT NULL PRIMARY KEY);
ALTER TABLE notes ADD COLUMN body TEXT NULL;
