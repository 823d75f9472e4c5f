-- ok: this backfill prepares the NOT NULL in 003
UPDATE members SET plan = 'free' WHERE plan IS NULL;
