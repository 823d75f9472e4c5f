'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({}, { sequelize, modelName: 'User', tableName: 'users', timestamps: false });
  return User;
};
