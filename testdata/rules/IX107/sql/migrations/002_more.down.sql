DROP INDEX events_c1_c2_idx ON events;
DROP INDEX events_c11_idx ON events;
