'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({
    // ok: the migration creates the unique key on email
    email: { type: DataTypes.STRING(191), allowNull: false, unique: true },
    tenantId: { type: DataTypes.INTEGER, allowNull: false, field: 'tenant_id', unique: true }, // want SQ104 "declares `unique: true` on \\(tenant_id\\)"
  }, { sequelize, modelName: 'User', tableName: 'users' });
  return User;
};
