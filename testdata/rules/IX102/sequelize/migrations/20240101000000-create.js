'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      status: { type: Sequelize.STRING(20), allowNull: false },
      created_at: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex('orders', ['status', 'created_at']);
    await queryInterface.addIndex('orders', ['status', 'created_at'], { unique: false }); // want IX102 "already has an index named `orders_status_[a-z_]*`.*Sequelize generated the name"
    // ok: a name of its own
    await queryInterface.addIndex('orders', ['created_at'], { name: 'orders_created_idx' });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('orders');
  },
};
