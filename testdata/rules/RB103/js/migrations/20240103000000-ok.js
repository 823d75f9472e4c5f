// ok: the down undoes the up exactly
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'nickname', { type: Sequelize.STRING(50), allowNull: true }),
  down: (queryInterface) => queryInterface.removeColumn('users', 'nickname'),
};
