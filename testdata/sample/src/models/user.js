'use strict';

const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class User extends Model {
    static associate(models) {
      User.hasMany(models.Review, { foreignKey: 'userId', as: 'reviews' });
      models.Review.belongsTo(User, { foreignKey: 'userId' });
    }
  }

  User.init(
    {
      id: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      email: {
        type: DataTypes.STRING(191),
        allowNull: false,
        unique: 'users_email_uk',
        validate: { isEmail: true },
      },
      fullName: { type: DataTypes.STRING(100), field: 'full_name' },
    },
    { sequelize, modelName: 'User', tableName: 'users', underscored: true },
  );

  return User;
};
