module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'email', Sequelize.STRING); // want ER101 "error 1060"
    await queryInterface.removeColumn('users', 'nickname'); // want ER101 "error 1091"
    // ok: a valid call against the replayed schema
    await queryInterface.addColumn('users', 'nickname', { type: Sequelize.STRING(50), allowNull: true });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('users', 'nickname');
  },
};
