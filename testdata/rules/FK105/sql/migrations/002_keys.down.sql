DROP TABLE invoices;
ALTER TABLE orders DROP FOREIGN KEY orders_seller_fk, DROP COLUMN seller_id;
ALTER TABLE orders DROP FOREIGN KEY orders_coupon_owner_fk, DROP COLUMN coupon_owner_id;
ALTER TABLE orders DROP FOREIGN KEY orders_user_fk;
