-- ==== UP ====
BEGIN;
CREATE TABLE t (id INT);
COMMIT;

-- ==== DOWN ====
BEGIN;
DROP TABLE t;
COMMIT;
