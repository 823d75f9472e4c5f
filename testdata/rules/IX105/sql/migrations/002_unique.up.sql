ALTER TABLE users ADD UNIQUE KEY users_email_uk (email); -- want IX105 "unique index `users_email_uk` on `users`\\(email\\).*already holds rows.*error 1062.*SELECT email, COUNT\\(\\*\\) FROM users WHERE email IS NOT NULL GROUP BY email HAVING COUNT\\(\\*\\) > 1"
CREATE UNIQUE INDEX users_team_handle_uk ON users (team_id, handle); -- want IX105 "SELECT team_id, handle, COUNT\\(\\*\\) FROM users GROUP BY team_id, handle HAVING COUNT\\(\\*\\) > 1"
-- ok: a new column is NULL in every existing row, and NULLs never collide
ALTER TABLE users ADD COLUMN external_id VARCHAR(64) NULL UNIQUE;
ALTER TABLE users ADD COLUMN code CHAR(8) NOT NULL DEFAULT 'none', ADD UNIQUE KEY users_code_uk (code); -- want IX105 "new column `users.code`.*every existing row gets the default none"

CREATE TABLE tags (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL
);
-- ok: tags is created by this migration and is empty
CREATE UNIQUE INDEX tags_name_uk ON tags (name);
