ALTER TABLE settings DROP PRIMARY KEY; -- want DT106 "Table `settings` loses its primary key here"
