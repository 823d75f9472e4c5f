DROP INDEX orders_status_user_idx ON orders;
DROP INDEX payments_order_created_idx ON payments;
DROP INDEX orders_created_status_idx ON orders;
DROP INDEX orders_user_status_dup ON orders;
