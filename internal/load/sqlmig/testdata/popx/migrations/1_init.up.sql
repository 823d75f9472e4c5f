CREATE TABLE neutral (id INT);
