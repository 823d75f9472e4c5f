-- migrate:up transaction:false
ALTER TABLE users ADD COLUMN a INT;
-- migrate:down
