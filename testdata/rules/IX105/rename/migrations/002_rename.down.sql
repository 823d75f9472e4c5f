ALTER TABLE products DROP INDEX products_name_uk;
ALTER TABLE products CHANGE stock_code sku CHAR(12) NOT NULL;
