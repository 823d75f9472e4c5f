-- migrate:up
CREATE TABLE users (
  id INT PRIMARY KEY
);

-- migrate:down
DROP TABLE users;
