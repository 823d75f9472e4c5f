'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      user_id: {
        type: Sequelize.INTEGER,
        allowNull: false,
        references: { model: 'users', key: 'id' }, // want FK101 "no ON DELETE or ON UPDATE rule"
      },
      // ok: both rules are stated
      reviewer_id: {
        type: Sequelize.INTEGER,
        allowNull: true,
        references: { model: 'users', key: 'id' },
        onDelete: 'SET NULL',
        onUpdate: 'CASCADE',
      },
    });
    await queryInterface.addConstraint('orders', { // want FK101 "`orders_approver_fk`.*no ON UPDATE rule"
      type: 'foreign key',
      name: 'orders_approver_fk',
      fields: ['reviewer_id'],
      references: { table: 'users', field: 'id' },
      onDelete: 'CASCADE',
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('orders');
  },
};
