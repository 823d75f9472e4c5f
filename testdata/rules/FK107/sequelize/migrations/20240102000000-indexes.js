'use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.removeIndex('orders', 'orders_user_idx'); // want FK107 "Dropping index `orders_user_idx`.*error 1553.*`orders_user_fk`"
  },
  async down(queryInterface) {
    await queryInterface.addIndex('orders', ['user_id'], { name: 'orders_user_idx' });
  },
};
