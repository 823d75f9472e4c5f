'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    });
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      user_id: { type: Sequelize.INTEGER, allowNull: false },
      created_at: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex('orders', ['user_id'], { name: 'orders_user_idx' });
    await queryInterface.addConstraint('orders', { fields: ['user_id'], type: 'foreign key', name: 'orders_user_fk', references: { table: 'users', field: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('orders');
    await queryInterface.dropTable('users');
  },
};
