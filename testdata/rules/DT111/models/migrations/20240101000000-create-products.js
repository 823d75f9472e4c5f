'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('products', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      stock: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },
      rating: { type: Sequelize.INTEGER, allowNull: true },
      status: { type: Sequelize.STRING(20), allowNull: false, defaultValue: 'draft' },
      sku: { type: Sequelize.STRING(20), allowNull: false, defaultValue: '' },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addConstraint('products', {
      type: 'check',
      fields: ['rating'],
      where: { rating: { [Sequelize.Op.between]: [1, 5] } },
      name: 'products_rating_chk',
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('products');
  },
};
