module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.createTable('tags', { id: { type: Sequelize.INTEGER, primaryKey: true } }), // want RB101 "has no rollback"
};
