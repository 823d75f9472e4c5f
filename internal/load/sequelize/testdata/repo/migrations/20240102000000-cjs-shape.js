'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'nickname', {
      type: Sequelize.STRING(50),
      allowNull: true,
      after: 'email',
    });
    await queryInterface.changeColumn('users', 'email', {
      type: Sequelize.STRING(255),
    });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'nickname');
  },
};
