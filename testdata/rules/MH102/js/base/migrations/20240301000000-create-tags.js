module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.createTable('tags', { id: { type: Sequelize.INTEGER, primaryKey: true } }),
  down: (queryInterface) => queryInterface.dropTable('tags'),
};
