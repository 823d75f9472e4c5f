-- ok: a suppression with a rule and a reason is valid and silences DS101
-- guardian:ignore DS101 table emptied in release 41
DROP TABLE a;
