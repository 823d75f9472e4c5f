'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addIndex('orders', ['total']); // want LK107 "large table `orders`"
    // ok: carts is not configured as large
    await queryInterface.addColumn('carts', 'note', { type: Sequelize.STRING(100), allowNull: true });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('carts', 'note');
    await queryInterface.removeIndex('orders', ['total']);
  },
};
