'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('members', 'email', { type: Sequelize.STRING(191), allowNull: false }); // want BC104 "`members.email` becomes NOT NULL [(]changeColumn with allowNull: false[)]"
    await queryInterface.bulkUpdate('members', { country: 'US' }, { country: null });
    // ok: backfilled by the bulkUpdate above
    await queryInterface.changeColumn('members', 'country', { type: Sequelize.STRING(2), allowNull: false });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('members', 'country', { type: Sequelize.STRING(2), allowNull: true });
    await queryInterface.changeColumn('members', 'email', { type: Sequelize.STRING(191), allowNull: true });
  },
};
