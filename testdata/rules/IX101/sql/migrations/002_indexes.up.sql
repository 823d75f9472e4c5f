CREATE INDEX orders_user_status_dup ON orders (user_id, status); -- want IX101 "duplicates index `orders_user_status_idx`"
CREATE INDEX orders_created_status_idx ON orders (created_at, status); -- want IX101 "makes the existing index `orders_created_idx` on `orders`\\(created_at\\) redundant"
-- ok: MySQL drops its own foreign key index on payments(order_id) when this one arrives
CREATE INDEX payments_order_created_idx ON payments (order_id, created_at);
-- ok: same columns in another order is a different index
CREATE INDEX orders_status_user_idx ON orders (status, user_id);
