'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
    });
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      amount: { type: Sequelize.INTEGER, allowNull: false },
      note: { type: Sequelize.STRING(100), allowNull: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('orders');
    await queryInterface.dropTable('users');
  },
};
