CREATE TABLE events (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, -- want DT104 "`events.id` is a signed INT AUTO_INCREMENT"
  size_bytes INT UNSIGNED NOT NULL, -- want DT104 "`events.size_bytes` stores a size in bytes as INT UNSIGNED, which stops at 4,294,967,295"
  retry_count TINYINT UNSIGNED NOT NULL DEFAULT 0, -- want DT104 "Counter `events.retry_count` is TINYINT UNSIGNED, which stops at 255"
  -- ok: INT is enough for an ordinary counter
  view_count INT UNSIGNED NOT NULL DEFAULT 0,
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
  file_size BIGINT UNSIGNED NULL
);
