'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('articles', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      // ok: a literal default on VARCHAR is fine
      title: { type: Sequelize.STRING(100), allowNull: false, defaultValue: '' },
    });
    await queryInterface.addColumn('articles', 'state', { type: Sequelize.ENUM('draft', 'published'), allowNull: false, defaultValue: 'archived' }); // want DT109 "`articles.state` ENUM.'draft','published'. DEFAULT 'archived'.*error 1067"
    // ok: Sequelize leaves out defaults on TEXT columns, so MySQL never sees it
    await queryInterface.addColumn('articles', 'body', { type: Sequelize.TEXT, allowNull: false, defaultValue: '' });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('articles');
  },
};
