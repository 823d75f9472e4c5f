CREATE TABLE products (id INT PRIMARY KEY, sku CHAR(12) NOT NULL, name VARCHAR(50) NOT NULL, UNIQUE KEY products_sku_uk (sku));
