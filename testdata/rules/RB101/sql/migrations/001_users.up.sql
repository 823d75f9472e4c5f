CREATE TABLE users (id INT PRIMARY KEY); -- want RB101 "has no rollback"
