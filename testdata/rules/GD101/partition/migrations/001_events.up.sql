CREATE TABLE events ( -- want GD101 "Partly analyzed: .*PARTITION BY"
  id BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (YEAR(created_at)) (
  PARTITION p2024 VALUES LESS THAN (2025),
  PARTITION pmax VALUES LESS THAN MAXVALUE
);
-- ok: the table itself is replayed, so this ALTER applies without an error
ALTER TABLE events ADD COLUMN kind VARCHAR(20) NULL;
