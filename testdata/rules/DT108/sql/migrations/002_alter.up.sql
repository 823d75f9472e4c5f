ALTER TABLE roomy ADD COLUMN d VARCHAR(16000) NOT NULL, ADD COLUMN e VARCHAR(1000) NOT NULL; -- want DT108 "Table `roomy`.*`d` varchar\(16000\) utf8mb4 takes 64,002"
