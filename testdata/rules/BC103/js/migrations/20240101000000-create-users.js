'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      email: { type: Sequelize.STRING(191), allowNull: false },
      display_name: { type: Sequelize.STRING(100), allowNull: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('users');
  },
};
