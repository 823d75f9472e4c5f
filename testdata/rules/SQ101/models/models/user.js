'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({
    // ok: declared columns exist (email, status, tenant_id; implicit id and timestamps too)
    email: { type: DataTypes.STRING(191), allowNull: false, unique: true },
    status: { type: DataTypes.ENUM('active', 'banned'), allowNull: false, defaultValue: 'active' },
    tenantId: { type: DataTypes.INTEGER, allowNull: false, field: 'tenant_id' },
    lastLoginAt: { type: DataTypes.DATE, field: 'last_login_at' }, // want SQ101 "`lastLoginAt` \\(column `last_login_at`\\).*error 1054"
    // ok: VIRTUAL attributes have no column
    fullName: { type: DataTypes.VIRTUAL },
  }, { sequelize, modelName: 'User', tableName: 'users' });
  return User;
};
