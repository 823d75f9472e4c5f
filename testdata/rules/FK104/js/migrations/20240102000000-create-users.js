module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });
    // ok: the parent is created just above, in the same migration
    await queryInterface.createTable('sessions', {
      id: { type: Sequelize.INTEGER, primaryKey: true },
      user_id: { type: Sequelize.INTEGER, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
    });
  },
  down: async (queryInterface) => {
    await queryInterface.dropTable('sessions');
    await queryInterface.dropTable('users');
  },
};
