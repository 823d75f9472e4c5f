'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('orders', 'amount', { type: Sequelize.BIGINT, allowNull: false }); // want LK101 "`queryInterface.changeColumn` on `orders` runs as ALGORITHM=COPY, LOCK=SHARED"
    await queryInterface.addColumn('orders', 'user_id', { // want LK101 "ALGORITHM=COPY.*adding foreign key.*foreign_key_checks"
      type: Sequelize.BIGINT.UNSIGNED,
      allowNull: true,
      references: { model: 'users', key: 'id' },
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
    });
    // ok: an instant ADD COLUMN
    await queryInterface.addColumn('orders', 'paid_at', { type: Sequelize.DATE, allowNull: true });
    // ok: making the column NOT NULL runs in place without blocking writes (BC104 covers the NULLs)
    await queryInterface.changeColumn('orders', 'note', { type: Sequelize.STRING(100), allowNull: false });
    // ok: a secondary index is built in place with LOCK=NONE
    await queryInterface.addIndex('orders', ['paid_at']);
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.removeIndex('orders', ['paid_at']);
    await queryInterface.changeColumn('orders', 'note', { type: Sequelize.STRING(100), allowNull: true });
    await queryInterface.removeColumn('orders', 'paid_at');
    await queryInterface.removeColumn('orders', 'user_id');
    await queryInterface.changeColumn('orders', 'amount', { type: Sequelize.INTEGER, allowNull: false });
  },
};
