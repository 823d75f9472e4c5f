module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('sessions', { id: { type: Sequelize.INTEGER, primaryKey: true } });
  },
  async down(queryInterface) {
    // ok: a suppression with a rule and a reason is valid
    // guardian:ignore RB106 sessions are disposable
    await queryInterface.dropTable('sessions');
  },
};
