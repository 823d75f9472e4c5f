module.exports = {
  up: (queryInterface) => queryInterface.removeColumn('users', 'display_name'), // want DS102 "Model `User` still declares it"
  down: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'display_name', { type: Sequelize.STRING(100), allowNull: true }),
};
