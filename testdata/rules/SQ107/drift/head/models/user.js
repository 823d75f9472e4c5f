'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({ // want SQ107 "no migration in it changes `users`.*`nickname` has no column"
    email: { type: DataTypes.STRING(191), allowNull: false, unique: true },
    nickname: { type: DataTypes.STRING(50), allowNull: true },
  }, { sequelize, modelName: 'User', tableName: 'users' });
  return User;
};
