// ok: a plain call is interpreted
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'bio', { type: Sequelize.TEXT, allowNull: true }),
  down: (queryInterface) => queryInterface.removeColumn('users', 'bio'),
};
