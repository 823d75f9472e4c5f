CREATE TABLE users (id INT PRIMARY KEY); -- want ER101 "error 1050 .*users"
ALTER TABLE users ADD COLUMN email VARCHAR(255); -- want ER101 "error 1060 .*email"
ALTER TABLE accounts ADD COLUMN note TEXT; -- want ER101 "error 1146"
ALTER TABLE users DROP COLUMN nickname; -- want ER101 "error 1091"
-- ok: IF NOT EXISTS on an existing table is accepted
CREATE TABLE IF NOT EXISTS users (id INT PRIMARY KEY);
-- ok: a valid statement against the replayed schema
ALTER TABLE users ADD COLUMN nickname VARCHAR(50) NULL;
