ALTER TABLE teams DROP INDEX teams_name_uk;
ALTER TABLE members
  DROP FOREIGN KEY members_project_fk,
  DROP COLUMN project_id,
  MODIFY nickname VARCHAR(50) NULL,
  DROP INDEX members_email_uk,
  DROP FOREIGN KEY members_team_fk;
DROP TABLE projects;
