-- ok: dbmate file with a down section
-- migrate:up
CREATE TABLE labels (id INT PRIMARY KEY);
-- migrate:down
DROP TABLE labels;
