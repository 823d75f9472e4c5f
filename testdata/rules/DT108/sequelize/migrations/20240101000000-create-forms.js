'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('forms', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      a: { type: Sequelize.STRING(10000), allowNull: false }, // want DT108 "Table `forms` would need up to 80,012 bytes"
      b: { type: Sequelize.STRING(10000), allowNull: false },
    });
    // ok: TEXT is stored off the row
    await queryInterface.createTable('letters', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      a: { type: Sequelize.TEXT, allowNull: false },
      b: { type: Sequelize.TEXT, allowNull: false },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('letters');
    await queryInterface.dropTable('forms');
  },
};
