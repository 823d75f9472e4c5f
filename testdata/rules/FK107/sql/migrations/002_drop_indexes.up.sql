DROP INDEX orders_user_idx ON orders; -- want FK107 "Dropping index `orders_user_idx` on `orders`\\(user_id\\) fails with error 1553.*`orders_user_fk`"
-- ok: orders_seller_created_idx still serves orders_seller_fk
ALTER TABLE orders DROP INDEX orders_seller_idx;
