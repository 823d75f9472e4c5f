CREATE TABLE events (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, -- want DT104 "`events.id` is a signed INT AUTO_INCREMENT"
  size_bytes INT UNSIGNED NOT NULL, -- want DT104 "`events.size_bytes` stores a size in bytes as INT UNSIGNED, which stops at 4,294,967,295"
  view_count SMALLINT UNSIGNED NOT NULL DEFAULT 0, -- want DT104 "Counter `events.view_count` is SMALLINT UNSIGNED, which stops at 65,535"
  -- ok: a retry count stays small
  retry_count TINYINT UNSIGNED NOT NULL DEFAULT 0,
  -- ok: INT is enough for most counters
  download_count INT UNSIGNED NOT NULL DEFAULT 0,
  -- ok: a boolean flag
  is_count TINYINT(1) NOT NULL DEFAULT 0
);

CREATE TABLE countries (
  -- ok: a small lookup table never grows to two billion rows
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL
);

CREATE TABLE payments (
  -- ok: unsigned BIGINT key
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- ok: BIGINT byte size
  size_bytes BIGINT UNSIGNED NULL,
  -- ok: the unit of a bare file_size is unknown
  file_size INT UNSIGNED NULL
);
