-- ok: the unique key only follows the renamed column, it is not new
ALTER TABLE products CHANGE sku stock_code CHAR(12) NOT NULL;
ALTER TABLE products ADD UNIQUE KEY products_name_uk (name); -- want IX105 "products_name_uk"
