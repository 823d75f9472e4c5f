'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {
    static associate(models) {
      User.hasMany(models.Post, { as: 'authored', foreignKey: 'author_id', constraints: false });
      User.hasMany(models.Post, { as: 'edited', foreignKey: 'editor_id', constraints: false });
      User.hasMany(models.Post, { as: 'owned', foreignKey: 'owner_id' });
    }
  }
  User.init({}, { sequelize, modelName: 'User', tableName: 'users', timestamps: false });
  return User;
};
