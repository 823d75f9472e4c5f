'use strict';
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {
    static associate(models) {
      // ok: Post.belongsTo(User) is the inverse
      User.hasMany(models.Post, { foreignKey: 'author_id' });
    }
  }
  User.init({ email: DataTypes.STRING(191) }, { sequelize, modelName: 'User', tableName: 'users' });
  return User;
};
