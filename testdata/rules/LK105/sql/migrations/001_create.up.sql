CREATE TABLE tickets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status ENUM('open', 'pending', 'closed') NOT NULL DEFAULT 'open',
  priority ENUM('low', 'normal', 'high') NOT NULL DEFAULT 'normal',
  channel ENUM('email', 'phone') NOT NULL DEFAULT 'email',
  kind ENUM('bug', 'task') NOT NULL DEFAULT 'task',
  tags SET('ui', 'api') NULL
);
