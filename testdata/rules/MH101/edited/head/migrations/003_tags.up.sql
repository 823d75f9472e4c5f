-- ok: a new migration is not an edit
CREATE TABLE tags (id INT PRIMARY KEY);
