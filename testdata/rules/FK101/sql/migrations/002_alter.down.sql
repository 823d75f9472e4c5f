ALTER TABLE orders DROP FOREIGN KEY orders_user2_fk;
ALTER TABLE users DROP FOREIGN KEY users_team_fk;
