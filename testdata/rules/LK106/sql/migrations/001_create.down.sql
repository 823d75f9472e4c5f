DROP TABLE addresses;
DROP TABLE customers;
