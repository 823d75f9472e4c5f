CREATE TABLE users (id INT PRIMARY KEY);
SET @sql = CONCAT('ALTER TABLE ', 'users', ' ADD COLUMN x INT');
PREPARE stmt FROM @sql; -- want GD101 "(?i)dynamic"
ALTER TABLE users FROBNICATE everything; -- want GD101 "Not analyzed"
-- ok: a literal PREPARE is parsed
PREPARE stmt2 FROM 'ALTER TABLE users ADD COLUMN y INT';
