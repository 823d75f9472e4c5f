// ok: a new migration is not an edit
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.createTable('tags', { id: { type: Sequelize.INTEGER, primaryKey: true } }),
  down: (queryInterface) => queryInterface.dropTable('tags'),
};
