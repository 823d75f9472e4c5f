'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
    });
    await queryInterface.createTable('posts', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      author_id: { type: Sequelize.INTEGER, allowNull: false },
      editor_id: { type: Sequelize.INTEGER, allowNull: true },
      owner_id: { type: Sequelize.INTEGER, allowNull: false },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('posts');
    await queryInterface.dropTable('users');
  },
};
