CREATE TABLE a (id INT PRIMARY KEY);
-- guardian:ignore NOPE999 because -- want GD102 "unknown rule"
CREATE TABLE b (id INT PRIMARY KEY);
-- guardian:ignore -- want GD102 "names no rule"
CREATE TABLE c (id INT PRIMARY KEY);
