'use strict'; // want MH103 "both have version 20240501120000: the migration tool records migrations by file name, so both run"
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true } });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('users');
  },
};
