CREATE INDEX events_c11_idx ON events (c11); -- want IX107 "After this statement `events` has 11 secondary indexes, more than the configured maximum of 10"
CREATE INDEX events_c1_c2_idx ON events (c1, c2);
