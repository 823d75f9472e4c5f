-- ok: 11 sorts after 10 (numbers compare as numbers)
CREATE TABLE labels (id INT PRIMARY KEY);
