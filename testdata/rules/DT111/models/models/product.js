'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Product extends Model {}
  Product.init({
    stock: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0, validate: { min: 0 } }, // want DT111 "Model `Product` validates `stock` .min. only in JavaScript"
    // ok: the table has a CHECK constraint on rating
    rating: { type: DataTypes.INTEGER, validate: { min: 1, max: 5 } },
    status: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'draft', validate: { isIn: [['draft', 'active']] } }, // want DT111 "validates `status` .isIn."
    // ok: format validators have no CHECK equivalent the rule asks for
    sku: { type: DataTypes.STRING(20), allowNull: false, defaultValue: '', validate: { isAlphanumeric: true } },
  }, { sequelize, modelName: 'Product', tableName: 'products' });
  return Product;
};
