module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.dropTable('users'); // want DS101 "Dropping table `users`"
    // ok: a table created and dropped in the same migration held nothing
    await queryInterface.createTable('scratch', { id: { type: Sequelize.INTEGER, primaryKey: true } });
    await queryInterface.dropTable('scratch');
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.createTable('users', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      email: { type: Sequelize.STRING(191), allowNull: false },
      display_name: { type: Sequelize.STRING(100), allowNull: true },
    });
  },
};
