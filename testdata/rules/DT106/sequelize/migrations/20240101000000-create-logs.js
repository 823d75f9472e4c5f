'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('page_views', { // want DT106 "Table `page_views` is created without a primary key"
      path: { type: Sequelize.STRING(255), allowNull: false },
      viewed_at: { type: Sequelize.DATE, allowNull: false },
    });
    // ok: has a primary key
    await queryInterface.createTable('visits', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('visits');
    await queryInterface.dropTable('page_views');
  },
};
