ALTER TABLE legacy_notes ADD COLUMN title VARCHAR(100) CHARACTER SET utf8 NULL; -- want DT107 "Column `legacy_notes.title` uses the utf8mb3"
-- ok: inherits utf8mb4 from the table
ALTER TABLE comments ADD COLUMN subject VARCHAR(100) NULL;
