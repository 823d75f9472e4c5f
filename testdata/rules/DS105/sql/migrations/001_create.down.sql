DROP TABLE carts;
DROP TABLE sessions;
