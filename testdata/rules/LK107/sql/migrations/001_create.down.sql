DROP TABLE legacy_sessions;
DROP TABLE audit_log;
DROP TABLE coupons;
DROP TABLE orders;
