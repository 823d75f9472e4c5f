// ok: the model is only here to make the drop critical
const { Model, DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  class User extends Model {}
  User.init({
    email: { type: DataTypes.STRING(191), allowNull: false },
    displayName: { type: DataTypes.STRING(100), field: 'display_name' },
  }, { sequelize, modelName: 'User', tableName: 'users', timestamps: false });
  return User;
};
