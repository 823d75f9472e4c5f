-- want MH101 "already exists on the base branch and this change modified it"
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));
