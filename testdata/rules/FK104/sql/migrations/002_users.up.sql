CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL);
CREATE TABLE sessions (
  id INT PRIMARY KEY,
  user_email VARCHAR(100) NOT NULL,
  user_id INT NOT NULL,
  FOREIGN KEY (user_email) REFERENCES users (email) ON DELETE CASCADE ON UPDATE CASCADE, -- want FK104 "not the primary key or the leftmost part of an index"
  -- ok: parent created earlier in the same file
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE
);
