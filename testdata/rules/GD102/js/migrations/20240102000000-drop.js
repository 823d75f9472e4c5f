module.exports = {
  async up(queryInterface) {
    // guardian:ignore DS101 -- want GD102 "has no reason"
    await queryInterface.dropTable('users'); // want DS101 "Dropping table `users`"
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });
  },
};
