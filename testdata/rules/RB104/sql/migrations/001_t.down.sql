DROP TABLE users; -- want RB104 "error 3730"
DROP TABLE orders;
