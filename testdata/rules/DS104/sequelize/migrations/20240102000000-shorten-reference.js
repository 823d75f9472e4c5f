'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('payments', 'reference', { type: Sequelize.STRING(64), allowNull: false }); // want DS104 "`payments.reference` changes from VARCHAR[(]255[)] to VARCHAR[(]64[)]"
    // ok: widening
    await queryInterface.changeColumn('payments', 'note', { type: Sequelize.STRING(100), allowNull: true });
  },
  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('payments', 'note', { type: Sequelize.STRING(50), allowNull: true });
    await queryInterface.changeColumn('payments', 'reference', { type: Sequelize.STRING(255), allowNull: false });
  },
};
