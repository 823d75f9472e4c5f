ALTER TABLE orders DROP FOREIGN KEY orders_user_fk2;
