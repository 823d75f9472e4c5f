ALTER TABLE orders ADD COLUMN seller_id INT NULL REFERENCES users (id); -- want FK109 "`orders.seller_id … REFERENCES users \\(id\\)`"
