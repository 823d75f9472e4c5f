CREATE TABLE more (id INT);
