DROP TABLE shipments; -- want RB106 "drops table `shipments`, which the up created.*mysqldump --single-transaction <db> shipments"
