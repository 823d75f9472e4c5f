ALTER TABLE products DROP COLUMN status; -- want DS102 "Dropping `products.status`"
