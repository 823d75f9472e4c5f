'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({
    email: { type: DataTypes.STRING(191), allowNull: false, unique: true },
  }, { sequelize, modelName: 'User', tableName: 'users' });
  return User;
};
