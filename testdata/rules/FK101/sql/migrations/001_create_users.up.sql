CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  team_id BIGINT UNSIGNED NULL
);

CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  reviewer_id BIGINT UNSIGNED NULL,
  approver_id BIGINT UNSIGNED NULL,
  FOREIGN KEY (user_id) REFERENCES users (id), -- want FK101 "states no ON DELETE or ON UPDATE rule"
  CONSTRAINT orders_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES users (id) ON DELETE SET NULL, -- want FK101 "`orders_reviewer_fk`.*no ON UPDATE rule"
  -- ok: both rules stated, must stay silent
  CONSTRAINT orders_approver_fk FOREIGN KEY (approver_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE
);
