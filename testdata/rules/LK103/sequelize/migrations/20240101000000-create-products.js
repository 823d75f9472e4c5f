'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('products', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      status: { type: Sequelize.STRING(20), allowNull: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('products');
  },
};
