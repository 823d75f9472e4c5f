'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({
    // ok: INTEGER vs INT and STRING(191) vs VARCHAR(191) are the same
    tenantId: { type: DataTypes.INTEGER, allowNull: false, field: 'tenant_id' },
    email: { type: DataTypes.STRING(191), allowNull: false, unique: true },
    status: { type: DataTypes.ENUM('active', 'banned', 'deleted'), allowNull: false, defaultValue: 'active' }, // want SQ103 "the model allows 'deleted' which the column rejects"
    bio: { type: DataTypes.STRING(255) }, // want SQ103 "length 255 in the model, 100 in the schema"
  }, { sequelize, modelName: 'User', tableName: 'users' });
  return User;
};
