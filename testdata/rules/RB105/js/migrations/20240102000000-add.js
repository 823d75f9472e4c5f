module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'currency', { type: Sequelize.CHAR(3), allowNull: true }), // want RB105 "error 1060"
  down: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn('users', 'tmp', { type: Sequelize.INTEGER, allowNull: true });
    await queryInterface.removeColumn('users', 'tmp');
  },
};
