'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class Customer extends Model {
    static associate(models) {
      Customer.belongsToMany(models.Tag, { through: models.CustomerTag, foreignKey: 'customer_id', otherKey: 'tag_id' });
    }
  }
  // ok: timestamps are on (the default)
  Customer.init({
    name: { type: DataTypes.STRING(100), allowNull: false },
  }, { sequelize, modelName: 'Customer', tableName: 'customers' });
  return Customer;
};
