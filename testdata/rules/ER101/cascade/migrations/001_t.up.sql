CREATE TABLE t (id INT PRIMARY KEY, id INT); -- want ER101 "error 1060"
-- ok: a consequence of the failed CREATE above, not reported again
ALTER TABLE t ADD COLUMN x INT;
