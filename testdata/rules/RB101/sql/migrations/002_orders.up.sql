-- ok: golang-migrate pair with a down file
CREATE TABLE orders (id INT PRIMARY KEY);
