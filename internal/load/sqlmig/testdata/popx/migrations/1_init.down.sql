DROP TABLE neutral;
