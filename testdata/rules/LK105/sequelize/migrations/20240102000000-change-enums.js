'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('tickets', 'status', { // want LK105 "`tickets.status` removes 'pending'"
      type: Sequelize.ENUM('open', 'closed'),
      allowNull: false,
      defaultValue: 'open',
    });
    // ok: appended at the end
    await queryInterface.changeColumn('tickets', 'kind', {
      type: Sequelize.ENUM('bug', 'task', 'chore'),
      allowNull: false,
      defaultValue: 'task',
    });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('tickets', 'kind', { type: Sequelize.ENUM('bug', 'task'), allowNull: false, defaultValue: 'task' });
    await queryInterface.changeColumn('tickets', 'status', { type: Sequelize.ENUM('open', 'pending', 'closed'), allowNull: false, defaultValue: 'open' });
  },
};
