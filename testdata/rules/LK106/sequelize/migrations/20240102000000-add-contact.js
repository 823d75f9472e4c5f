'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('customers', 'email', { type: Sequelize.STRING(191), allowNull: true });
    await queryInterface.addColumn('customers', 'phone', { type: Sequelize.STRING(20), allowNull: true }); // want LK106 "in 3 separate statements.*even though each is instant"
    await queryInterface.addColumn('customers', 'fax', { type: Sequelize.STRING(20), allowNull: true });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('customers', 'fax');
    await queryInterface.removeColumn('customers', 'phone');
    await queryInterface.removeColumn('customers', 'email');
  },
};
