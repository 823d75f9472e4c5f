ALTER TABLE shipments ADD COLUMN tracking_no VARCHAR(60) NULL;
ALTER TABLE shipments ADD INDEX idx_shipments_carrier (carrier);
