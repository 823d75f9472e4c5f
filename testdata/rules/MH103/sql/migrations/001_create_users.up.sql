-- want MH103 "`migrations/001_create_teams.up.sql` and `migrations/001_create_users.up.sql` both have version 001|`migrations/001_create_users.up.sql` and `migrations/001_create_teams.up.sql` both have version 001"
CREATE TABLE users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY);
