'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('payments', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      reference: { type: Sequelize.STRING(255), allowNull: false },
      note: { type: Sequelize.STRING(50), allowNull: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('payments');
  },
};
