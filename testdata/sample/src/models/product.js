'use strict';

module.exports = (sequelize, DataTypes) => {
  const Product = sequelize.define(
    'Product',
    {
      id: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      sku: { type: DataTypes.CHAR(12), allowNull: false, unique: 'products_sku_uk' },
      name: { type: DataTypes.STRING(200), allowNull: false },
      priceCents: { type: DataTypes.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 },
    },
    { tableName: 'products', underscored: true, updatedAt: false },
  );

  Product.associate = (models) => {
    Product.hasMany(models.Review, { foreignKey: 'productId' });
    models.Review.belongsTo(Product, { foreignKey: 'productId', onDelete: 'CASCADE' });
  };

  return Product;
};
