'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('notes', { // want DT107 "Table `notes` uses the utf8mb3 character set"
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      body: { type: Sequelize.TEXT },
    }, { charset: 'utf8' });
    // ok: utf8mb4
    await queryInterface.createTable('memos', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    }, { charset: 'utf8mb4' });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('memos');
    await queryInterface.dropTable('notes');
  },
};
