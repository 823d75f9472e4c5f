module.exports = {
  async up(queryInterface, Sequelize) {
    // guardian:ignore FK101 nothing here has a foreign key -- want GD103 "suppresses nothing"
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });
    // ok: this one suppresses the FK101 finding of the next call
    // guardian:ignore FK101 users are never deleted
    await queryInterface.createTable('orders', { id: { type: Sequelize.INTEGER, primaryKey: true }, user_id: { type: Sequelize.INTEGER, references: { model: 'users', key: 'id' } } });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('orders');
    await queryInterface.dropTable('users');
  },
};
