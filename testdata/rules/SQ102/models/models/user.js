'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({ // want SQ102 "`users.tenant_id` is NOT NULL without a default"
    // ok: status has a default and bio is nullable, so leaving them out is fine
    email: { type: DataTypes.STRING(191), allowNull: false, unique: true },
  }, { sequelize, modelName: 'User', tableName: 'users' });
  return User;
};
