CREATE TABLE audit_entries ( -- want DT106 "Table `audit_entries` is created without a primary key"
  happened_at DATETIME NOT NULL,
  message TEXT NOT NULL
);

-- ok: a NOT NULL unique key serves as the clustered key
CREATE TABLE tags (
  name VARCHAR(64) NOT NULL,
  UNIQUE KEY tags_name_uk (name)
);

-- ok: the primary key is added by a later statement
CREATE TABLE settings (
  k VARCHAR(64) NOT NULL,
  v TEXT NULL
);
ALTER TABLE settings ADD PRIMARY KEY (k);
