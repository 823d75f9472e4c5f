CREATE TABLE mysql_only (id INT) ENGINE=InnoDB;
