DROP TABLE vendors;
DROP TABLE clients;
