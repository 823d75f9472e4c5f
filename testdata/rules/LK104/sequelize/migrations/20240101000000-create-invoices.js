'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    // ok: one DDL call inside a transaction has nothing to be atomic with
    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.createTable('invoices', {
        id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
        total: { type: Sequelize.DECIMAL(10, 2), allowNull: false },
      }, { transaction });
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('invoices');
  },
};
