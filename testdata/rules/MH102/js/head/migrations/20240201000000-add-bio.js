// want MH102 "sorts before `20240301000000-create-tags.js`"
module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addColumn('users', 'bio', { type: Sequelize.TEXT, allowNull: true }),
  down: (queryInterface) => queryInterface.removeColumn('users', 'bio'),
};
