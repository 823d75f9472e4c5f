'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('clients', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('clients');
  },
};
