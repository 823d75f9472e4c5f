-- migrate:up
CREATE TABLE tags (id INT PRIMARY KEY); -- want RB101 "`20240101000000_tags.sql` has no rollback"
