module.exports = {
  async up(queryInterface, Sequelize) {
    const table = await queryInterface.describeTable('users');
    if (!table.nickname) {
      await queryInterface.addColumn('users', 'nickname', { type: Sequelize.STRING });
    }
    await queryInterface.renameColumn('users', 'email', 'emailAddress');
  },
  async down(queryInterface) {
    await queryInterface.renameColumn('users', 'emailAddress', 'email');
  },
};
