'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class CustomerTag extends Model {}
  // ok: a belongsToMany join table holds links, not entities
  CustomerTag.init({
    customer_id: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true },
    tag_id: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true },
  }, { sequelize, modelName: 'CustomerTag', tableName: 'customer_tags', timestamps: false });
  return CustomerTag;
};
