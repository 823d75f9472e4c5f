CREATE INDEX orders_is_gift_idx ON orders (is_gift); -- want IX106 "`orders.is_gift`, a boolean"
ALTER TABLE orders ADD INDEX orders_payment_state_idx (paymentState); -- want IX106 "a status-like column"
