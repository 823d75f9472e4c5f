DROP INDEX orders_payment_state_idx ON orders;
DROP INDEX orders_is_gift_idx ON orders;
