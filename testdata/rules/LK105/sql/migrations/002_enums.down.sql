ALTER TABLE tickets MODIFY kind ENUM('bug', 'task') NOT NULL DEFAULT 'task';
ALTER TABLE tickets MODIFY tags SET('ui', 'api') NULL;
ALTER TABLE tickets MODIFY channel ENUM('email', 'phone') NOT NULL DEFAULT 'email';
ALTER TABLE tickets MODIFY priority ENUM('low', 'normal', 'high') NOT NULL DEFAULT 'normal';
ALTER TABLE tickets MODIFY status ENUM('open', 'pending', 'closed') NOT NULL DEFAULT 'open';
