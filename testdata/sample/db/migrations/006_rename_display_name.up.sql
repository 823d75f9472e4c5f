-- Deliberate: renames a column that the deployed code still reads.
ALTER TABLE users RENAME COLUMN display_name TO full_name;
