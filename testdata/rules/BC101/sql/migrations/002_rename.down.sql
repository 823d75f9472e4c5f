ALTER TABLE users MODIFY handle VARCHAR(20);
ALTER TABLE users CHANGE handle nickname VARCHAR(20);
ALTER TABLE users RENAME COLUMN full_name TO display_name;
