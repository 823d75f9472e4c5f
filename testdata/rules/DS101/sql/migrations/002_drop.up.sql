DROP TABLE sessions; -- want DS101 "Dropping table `sessions`"
-- ok: IF EXISTS on a table that is not there drops nothing
DROP TABLE IF EXISTS never_existed;
