'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.renameTable('clients', 'customers'); // want BC102 "Renaming table `clients` to `customers`"
    // ok: created in this migration
    await queryInterface.createTable('tmp_import', { id: { type: Sequelize.INTEGER, primaryKey: true } });
    await queryInterface.renameTable('tmp_import', 'imports');
  },
  async down(queryInterface) {
    await queryInterface.dropTable('imports');
    await queryInterface.renameTable('customers', 'clients');
  },
};
