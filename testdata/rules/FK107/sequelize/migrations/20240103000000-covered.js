'use strict';
module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('orders', ['user_id', 'created_at'], { name: 'orders_user_created_idx' });
    // ok: orders_user_created_idx still serves orders_user_fk
    await queryInterface.removeIndex('orders', 'orders_user_idx');
  },
  async down(queryInterface) {
    await queryInterface.addIndex('orders', ['user_id'], { name: 'orders_user_idx' });
    await queryInterface.removeIndex('orders', 'orders_user_created_idx');
  },
};
