'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Invoice extends Model {}
  Invoice.init({ // want DT110 "Model `Invoice` .table `invoices`. turns timestamps off"
    number: { type: DataTypes.STRING(32), allowNull: false },
  }, { sequelize, modelName: 'Invoice', tableName: 'invoices', timestamps: false });
  return Invoice;
};
