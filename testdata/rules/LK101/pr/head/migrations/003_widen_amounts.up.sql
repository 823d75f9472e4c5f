ALTER TABLE orders MODIFY amount BIGINT NOT NULL; -- want LK101 "ALGORITHM=COPY, LOCK=SHARED"
-- ok: coupons is created by this pull request, so it holds no rows yet
ALTER TABLE coupons MODIFY amount BIGINT NOT NULL;
