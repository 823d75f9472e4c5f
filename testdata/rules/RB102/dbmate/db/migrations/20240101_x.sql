-- migrate:up
CREATE TABLE x (id INT PRIMARY KEY);
-- migrate:down -- want RB102 "performs no schema operation"
SELECT 1;
