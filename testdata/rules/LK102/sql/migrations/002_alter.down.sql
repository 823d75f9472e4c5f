DROP TABLE notes;
ALTER TABLE accounts MODIFY name VARCHAR(50) NOT NULL;
ALTER TABLE accounts DROP INDEX idx_accounts_city;
ALTER TABLE accounts DROP COLUMN city;
ALTER TABLE accounts DROP COLUMN phone;
ALTER TABLE accounts DROP COLUMN email;
DROP INDEX idx_accounts_name ON accounts;
ALTER TABLE accounts ADD COLUMN legacy INT NULL AFTER name;
ALTER TABLE accounts RENAME COLUMN handle TO nickname;
