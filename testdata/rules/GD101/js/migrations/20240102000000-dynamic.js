const { tableFor } = require('./lib/does-not-exist'); // want GD101 "(?i)resolve|not found|could not"
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn(tableFor('x'), 'c', Sequelize.INTEGER); // want GD101 "table name is not a string"
  },
  async down() {},
};
