// ok: sorts after the newest migration of the base branch
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'note', { type: Sequelize.TEXT, allowNull: true }),
  down: (queryInterface) => queryInterface.removeColumn('users', 'note'),
};
