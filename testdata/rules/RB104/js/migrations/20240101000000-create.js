module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER, primaryKey: true } });
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.INTEGER, primaryKey: true },
      user_id: { type: Sequelize.INTEGER, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('users'); // want RB104 "error 3730"
    await queryInterface.dropTable('orders');
  },
};
