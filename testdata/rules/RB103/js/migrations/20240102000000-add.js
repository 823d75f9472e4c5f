module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'bio', { type: Sequelize.TEXT, allowNull: true });
    await queryInterface.addIndex('users', ['email'], { name: 'users_email_idx' });
  },
  async down(queryInterface) { // want RB103 "index `users_email_idx` on `users` is left behind"
    await queryInterface.removeColumn('users', 'bio');
  },
};
