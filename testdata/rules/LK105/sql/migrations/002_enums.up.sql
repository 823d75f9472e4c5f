ALTER TABLE tickets MODIFY status ENUM('pending', 'open', 'closed') NOT NULL DEFAULT 'open'; -- want LK105 "`tickets.status` reorders the members.*full table copy"
ALTER TABLE tickets MODIFY priority ENUM('normal', 'high') NOT NULL DEFAULT 'normal'; -- want LK105 "`tickets.priority` removes 'low'"
ALTER TABLE tickets MODIFY channel ENUM('email', 'chat', 'phone') NOT NULL DEFAULT 'email'; -- want LK105 "adds 'chat' before the end of the list"
ALTER TABLE tickets MODIFY tags SET('api', 'ui') NULL; -- want LK105 "`tickets.tags` reorders the members: InnoDB stores SET values"
-- ok: appending at the end is instant
ALTER TABLE tickets MODIFY kind ENUM('bug', 'task', 'chore') NOT NULL DEFAULT 'task';
