CREATE TABLE sessions (id INT PRIMARY KEY);
CREATE TABLE scratch (id INT PRIMARY KEY);
-- ok: dropping a table created in the same migration loses nothing
DROP TABLE scratch;
