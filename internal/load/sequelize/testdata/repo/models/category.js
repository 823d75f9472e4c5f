'use strict';

module.exports = (sequelize, DataTypes) => {
  const Category = sequelize.define('Category', {
    name: { type: DataTypes.STRING(100), allowNull: false },
    position: { type: DataTypes.INTEGER, defaultValue: 0 },
  }, {
    underscored: true,
    createdAt: 'created_on',
    updatedAt: false,
  });
  Category.associate = function (models) {
    Category.hasMany(models.Post, { as: 'posts' });
  };
  return Category;
};
