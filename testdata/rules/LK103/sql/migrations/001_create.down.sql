DROP TABLE products_archive;
DROP TABLE products;
