-- ok: children first
DROP TABLE b;
DROP TABLE a;
