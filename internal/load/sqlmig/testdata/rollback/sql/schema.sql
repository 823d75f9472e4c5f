CREATE TABLE dump (id INT);
