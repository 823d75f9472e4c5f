'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    // ok: a single ALTER on the table
    await queryInterface.addColumn('customers', 'vip', { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('customers', 'vip');
  },
};
