'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING(320) }); // want BC105 "`allowNull: false`"
    await queryInterface.changeColumn('users', 'status', { type: Sequelize.ENUM('active', 'banned'), allowNull: false }); // want BC105 "its default \\('active'\\)"
    // ok: restates every attribute it keeps
    await queryInterface.changeColumn('users', 'tenant_id', { type: Sequelize.BIGINT, allowNull: false });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('users', 'tenant_id', { type: Sequelize.INTEGER, allowNull: false });
    await queryInterface.changeColumn('users', 'status', { type: Sequelize.ENUM('active', 'banned'), allowNull: false, defaultValue: 'active' });
    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING(191), allowNull: false });
  },
};
