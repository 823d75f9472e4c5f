ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES users (id); -- want FK101 "no ON DELETE or ON UPDATE"
-- ok: explicit RESTRICT is a stated decision
ALTER TABLE orders ADD CONSTRAINT orders_user2_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE RESTRICT;
