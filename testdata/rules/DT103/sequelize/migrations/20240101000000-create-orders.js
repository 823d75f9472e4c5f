'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      price: { type: Sequelize.FLOAT, allowNull: false }, // want DT103 "`orders.price` holds money as FLOAT"
      // ok: DECIMAL is exact
      total: { type: Sequelize.DECIMAL(19, 4), allowNull: false },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('orders');
  },
};
