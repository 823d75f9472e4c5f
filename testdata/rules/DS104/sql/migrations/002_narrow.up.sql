ALTER TABLE payments MODIFY reference VARCHAR(40) NOT NULL; -- want DS104 "`payments.reference` changes from VARCHAR[(]100[)] to VARCHAR[(]40[)], which holds at most 40 characters instead of 100"
ALTER TABLE payments MODIFY attempts TINYINT NOT NULL DEFAULT 0; -- want DS104 "cannot hold values below -128 and cannot hold values above 127"
ALTER TABLE payments MODIFY balance INT UNSIGNED NOT NULL DEFAULT 0; -- want DS104 "INT UNSIGNED, which cannot hold negative values"
ALTER TABLE payments MODIFY amount DECIMAL(12,2) NOT NULL; -- want DS104 "keeps 2 decimal places instead of 4"
ALTER TABLE payments MODIFY memo VARCHAR(255) NULL; -- want DS104 "TEXT to VARCHAR[(]255[)], which holds at most 255 characters instead of 65,535"
ALTER TABLE payments MODIFY paid_at DATE NULL; -- want DS104 "DATETIME to DATE, which drops the time of day"
ALTER TABLE payments MODIFY method ENUM('card', 'bank') NOT NULL DEFAULT 'card'; -- want DS104 "drops the member[(]s[)] 'cash'"
-- ok: widening keeps every value
ALTER TABLE payments MODIFY note VARCHAR(200) NULL;
-- ok: SMALLINT to INT is wider
ALTER TABLE payments MODIFY counter INT NOT NULL DEFAULT 0;
-- ok: more digits on both sides of the point
ALTER TABLE payments MODIFY fee DECIMAL(12,4) NOT NULL DEFAULT 0;
-- ok: a table created in this migration holds no rows
CREATE TABLE refunds (id INT NOT NULL PRIMARY KEY, reason VARCHAR(200) NULL);
ALTER TABLE refunds MODIFY reason VARCHAR(20) NULL;
