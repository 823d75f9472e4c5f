'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addConstraint('orders', { // want FK105 "SELECT COUNT\\(\\*\\) FROM orders c LEFT JOIN users p ON p.id = c.user_id WHERE c.user_id IS NOT NULL AND p.id IS NULL"
      fields: ['user_id'],
      type: 'foreign key',
      name: 'orders_user_fk',
      references: { table: 'users', field: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    });
    await queryInterface.addColumn('orders', 'seller_id', {
      type: Sequelize.INTEGER,
      allowNull: true,
      references: { model: 'users', key: 'id' }, // want FK105 "ALGORITHM=COPY"
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
    });
    await queryInterface.createTable('invoices', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      // ok: a foreign key on a table created in this migration
      order_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'orders', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('invoices');
    await queryInterface.removeColumn('orders', 'seller_id');
    await queryInterface.removeConstraint('orders', 'orders_user_fk');
  },
};
