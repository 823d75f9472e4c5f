-- guardian:ignore FK101 nothing here has a foreign key -- want GD103 "suppresses nothing"
CREATE TABLE users (id INT PRIMARY KEY);
-- ok: this one is used by the FK101 finding below
-- guardian:ignore fk-missing-on-delete users are never deleted
CREATE TABLE orders (id INT PRIMARY KEY, user_id INT, FOREIGN KEY (user_id) REFERENCES users (id));
