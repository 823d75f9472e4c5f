RENAME TABLE clients TO customers; -- want BC102 "Renaming table `clients` to `customers`.*error 1146"
ALTER TABLE vendors RENAME TO suppliers; -- want BC102 "Renaming table `vendors` to `suppliers`"
-- ok: a table created in this migration has no deployed code using it yet
CREATE TABLE drafts (id INT NOT NULL PRIMARY KEY);
RENAME TABLE drafts TO draft_orders;
