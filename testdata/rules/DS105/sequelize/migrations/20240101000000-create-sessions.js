'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('sessions', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      expired: { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('sessions');
  },
};
