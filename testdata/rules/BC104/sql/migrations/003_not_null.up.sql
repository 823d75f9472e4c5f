ALTER TABLE members MODIFY email VARCHAR(191) NOT NULL; -- want BC104 "`members.email` becomes NOT NULL.*error 1138"
UPDATE members SET country = 'US' WHERE country IS NULL;
-- ok: backfilled just above
ALTER TABLE members MODIFY country CHAR(2) NOT NULL;
-- ok: backfilled in an earlier migration
ALTER TABLE members MODIFY plan VARCHAR(20) NOT NULL DEFAULT 'free';
-- ok: already NOT NULL
ALTER TABLE members MODIFY name VARCHAR(120) NOT NULL;
