'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('accounts', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      username: { type: Sequelize.STRING(64), allowNull: false }, // want DT102 "`accounts.username` identifies an account"
      // ok: declared unique
      email: { type: Sequelize.STRING(191), allowNull: false, unique: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('accounts');
  },
};
