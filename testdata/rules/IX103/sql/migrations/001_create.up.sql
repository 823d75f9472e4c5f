CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- ok: exactly 64 characters is allowed
  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb INT NULL,
  customer_subscription_renewal_reminder_preferred_delivery_channel_code INT NULL -- want IX103 "column name `customer_subscription_renewal_reminder_preferred_delivery_channel_code` is 70 characters long.*error 1059"
);
