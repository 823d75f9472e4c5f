-- ok: a data-only up may have an empty down
INSERT INTO users (id) VALUES (1);
