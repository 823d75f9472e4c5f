ALTER TABLE orders DROP INDEX orders_status_idx, ADD INDEX orders_status_idx (status);
