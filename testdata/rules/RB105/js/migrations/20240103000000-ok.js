// ok: up, down, up again works
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'note', { type: Sequelize.TEXT, allowNull: true }),
  down: (queryInterface) => queryInterface.removeColumn('users', 'note'),
};
