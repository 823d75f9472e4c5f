'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('events', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      data_json: { type: Sequelize.TEXT }, // want DT105 "`events.data_json` is named as JSON but is TEXT"
      // ok: native JSON
      context_json: { type: Sequelize.JSON },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('events');
  },
};
