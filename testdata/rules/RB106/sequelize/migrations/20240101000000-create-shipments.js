'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('shipments', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      carrier: { type: Sequelize.STRING(40), allowNull: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('shipments'); // want RB106 "drops table `shipments`, which the up created"
  },
};
