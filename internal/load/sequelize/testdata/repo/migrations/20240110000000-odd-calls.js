module.exports = {
  async up(queryInterface, Sequelize) {
    const name = { not: 'a string' };
    await queryInterface.addColumn(name, 'x', { type: Sequelize.STRING });
    await queryInterface.frobnicate('users');
    await queryInterface.addConstraint('users', { fields: ['x'], type: 'default', defaultValue: 1 });
    await queryInterface.removeIndex('users', ['teamId', 'createdAt']);
    await queryInterface.renameTable('teams', 'squads');
    await queryInterface.dropAllTables();
  },
};
