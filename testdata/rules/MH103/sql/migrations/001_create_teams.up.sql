-- ok: the earlier of the two is not reported
CREATE TABLE teams (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY);
