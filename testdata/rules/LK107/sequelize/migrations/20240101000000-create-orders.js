'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      total: { type: Sequelize.DECIMAL(10, 2), allowNull: false },
    });
    await queryInterface.createTable('carts', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('carts');
    await queryInterface.dropTable('orders');
  },
};
