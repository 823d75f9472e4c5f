# Stored programs written without DELIMITER, as some tools send them.
CREATE FUNCTION slugify(s VARCHAR(255)) RETURNS VARCHAR(255) DETERMINISTIC
BEGIN
  DECLARE r VARCHAR(255) DEFAULT LOWER(s);
  WHILE LOCATE(' ', r) > 0 DO
    SET r = REPLACE(r, ' ', '-');
  END WHILE;
  RETURN r;
END;

CREATE PROCEDURE fill(IN n INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  DECLARE done INT DEFAULT FALSE;
  ins: LOOP
    IF i >= n THEN
      LEAVE ins;
    END IF;
    BEGIN
      INSERT INTO t (v) VALUES (CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END);
    END;
    SET i = i + 1;
  END LOOP ins;
  REPEAT
    SET i = i - 1;
  UNTIL i <= 0 END REPEAT;
  CASE n
    WHEN 0 THEN SELECT 'none';
    ELSE SELECT 'some';
  END CASE;
END;

CREATE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW SET NEW.updated_at = NOW();

CREATE EVENT purge ON SCHEDULE EVERY 1 DAY DO
  BEGIN
    DELETE FROM t WHERE created_at < NOW() - INTERVAL 30 DAY;
  END;

SELECT slugify('a b');
