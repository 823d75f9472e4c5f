-- want MH102 "sorts before `010_orders.up.sql`"
CREATE TABLE tags (id INT PRIMARY KEY);
