'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('members', {
      id: { type: Sequelize.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
      email: { type: Sequelize.STRING(191), allowNull: true },
      country: { type: Sequelize.STRING(2), allowNull: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('members');
  },
};
