CREATE TABLE users (id INT PRIMARY KEY);
-- ok: MySQL 9.0 and later enforce column-level references
CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE);
