// ok: exports a down
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.createTable('labels', { id: { type: Sequelize.INTEGER, primaryKey: true } }),
  down: (queryInterface) => queryInterface.dropTable('labels'),
};
