'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.transaction(async (transaction) => {
      await queryInterface.addColumn('invoices', 'paid_at', { type: Sequelize.DATE, allowNull: true }, { transaction }); // want LK104 "runs inside a transaction with 1 other statement"
      await queryInterface.addIndex('invoices', ['paid_at'], { transaction });
    });
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('invoices', ['paid_at']);
    await queryInterface.removeColumn('invoices', 'paid_at');
  },
};
