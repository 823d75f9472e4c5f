CREATE TABLE users (id INT PRIMARY KEY);
CREATE TABLE orders (
  id INT PRIMARY KEY,
  user_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE, -- want FK109 "MySQL 8 parses and ignores"
  -- ok: a table-level constraint is a real foreign key
  buyer_id INT NOT NULL,
  CONSTRAINT orders_buyer_fk FOREIGN KEY (buyer_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE
);
