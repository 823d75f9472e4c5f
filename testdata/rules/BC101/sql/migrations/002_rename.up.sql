ALTER TABLE users RENAME COLUMN display_name TO full_name; -- want BC101 "Renaming `users.display_name` to `full_name`"
ALTER TABLE users CHANGE nickname handle VARCHAR(20); -- want BC101 "`users.nickname` to `handle`"
-- ok: MODIFY keeps the name
ALTER TABLE users MODIFY handle VARCHAR(30);
