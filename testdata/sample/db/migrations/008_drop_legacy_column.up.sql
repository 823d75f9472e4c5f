-- Deliberate: drops a column of a table that holds data.
ALTER TABLE products DROP COLUMN status;
