-- ok: dropping an index loses no data
ALTER TABLE shipments DROP INDEX idx_shipments_carrier;
ALTER TABLE shipments DROP COLUMN tracking_no; -- want RB106 "drops column `shipments.tracking_no`, which the up created: everything written to it since the deploy is lost"
