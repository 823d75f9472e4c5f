ALTER TABLE invoices DROP FOREIGN KEY invoices_order_fk;
ALTER TABLE orders DROP FOREIGN KEY orders_user_fk;
