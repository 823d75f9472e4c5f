CREATE TABLE users (id INT PRIMARY KEY, display_name VARCHAR(100), nick VARCHAR(20));
-- ok: renaming in the migration that creates the table is safe
ALTER TABLE users RENAME COLUMN nick TO nickname;
