'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('tickets', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      status: { type: Sequelize.ENUM('open', 'pending', 'closed'), allowNull: false, defaultValue: 'open' },
      kind: { type: Sequelize.ENUM('bug', 'task'), allowNull: false, defaultValue: 'task' },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('tickets');
  },
};
