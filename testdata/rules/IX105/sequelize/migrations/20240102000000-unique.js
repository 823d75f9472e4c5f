'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addConstraint('users', { fields: ['email'], type: 'unique', name: 'users_email_uk' }); // want IX105 "SELECT email, COUNT\\(\\*\\) FROM users GROUP BY email HAVING COUNT\\(\\*\\) > 1"
    // ok: a new nullable column is NULL in every row
    await queryInterface.addColumn('users', 'external_id', { type: Sequelize.STRING(64), allowNull: true, unique: true });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'external_id');
    await queryInterface.removeConstraint('users', 'users_email_uk');
  },
};
