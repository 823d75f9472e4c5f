ALTER TABLE orders DROP COLUMN currency; -- want RB103 "index `orders_status_idx` on `orders` is left behind"
