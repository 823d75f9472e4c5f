DROP TABLE payments;
DROP TABLE order_items;
