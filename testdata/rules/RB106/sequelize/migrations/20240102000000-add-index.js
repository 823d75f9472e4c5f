'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('shipments', ['carrier']);
  },
  async down(queryInterface) {
    // ok: removing an index loses no data
    await queryInterface.removeIndex('shipments', ['carrier']);
  },
};
