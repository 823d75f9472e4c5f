CREATE INDEX orders_seller_idx ON orders (seller_id);
