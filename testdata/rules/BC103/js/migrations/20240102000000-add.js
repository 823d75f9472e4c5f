module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'currency', { type: Sequelize.CHAR(3), allowNull: false }); // want BC103 "`users.currency` is added as NOT NULL without a default"
    // ok: a default, or NULL allowed
    await queryInterface.addColumn('users', 'plan', { type: Sequelize.STRING(20), allowNull: false, defaultValue: 'free' });
    await queryInterface.addColumn('users', 'bio', { type: Sequelize.TEXT, allowNull: true });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'bio');
    await queryInterface.removeColumn('users', 'plan');
    await queryInterface.removeColumn('users', 'currency');
  },
};
