module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.renameColumn('users', 'display_name', 'full_name'); // want BC101 "Renaming `users.display_name` to `full_name`"
    // ok: renaming inside the migration that creates the table is safe
    await queryInterface.createTable('tags', { id: { type: Sequelize.INTEGER, primaryKey: true }, label: { type: Sequelize.STRING } });
    await queryInterface.renameColumn('tags', 'label', 'name');
  },
  async down(queryInterface) {
    await queryInterface.dropTable('tags');
    await queryInterface.renameColumn('users', 'full_name', 'display_name');
  },
};
