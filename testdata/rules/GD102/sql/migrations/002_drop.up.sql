-- guardian:ignore DS101 -- want GD102 "has no reason"
DROP TABLE users; -- want DS101 "Dropping table `users`"
