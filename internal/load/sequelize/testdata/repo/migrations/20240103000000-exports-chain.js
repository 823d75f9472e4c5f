exports.up = function (queryInterface, Sequelize) {
  return queryInterface
    .addColumn('users', 'teamLeadId', {
      type: Sequelize.INTEGER.UNSIGNED,
      references: { model: 'users', key: 'id' },
    })
    .then(() => queryInterface.addIndex('users', ['teamLeadId'], { name: 'users_team_lead' }));
};

exports.down = (queryInterface) => queryInterface.removeColumn('users', 'teamLeadId');
