'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('invoices', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      number: { type: Sequelize.STRING(32), allowNull: false },
    });
    await queryInterface.createTable('customers', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      name: { type: Sequelize.STRING(100), allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.createTable('customer_tags', {
      customer_id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true },
      tag_id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('customer_tags');
    await queryInterface.dropTable('customers');
    await queryInterface.dropTable('invoices');
  },
};
