DROP TABLE draft_orders;
ALTER TABLE suppliers RENAME TO vendors;
RENAME TABLE customers TO clients;
