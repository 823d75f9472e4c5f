CREATE TABLE projects (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY
);
ALTER TABLE members
  ADD CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL ON UPDATE CASCADE,
  ADD UNIQUE KEY members_email_uk (email),
  MODIFY nickname VARCHAR(50) NOT NULL,
  ADD COLUMN project_id BIGINT UNSIGNED NULL,
  ADD CONSTRAINT members_project_fk FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE teams ADD UNIQUE KEY teams_name_uk (name(20));
UPDATE members SET nickname = 'anon' WHERE nickname IS NULL;
