// ok: children first
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('a', { id: { type: Sequelize.INTEGER, primaryKey: true } });
    await queryInterface.createTable('b', { id: { type: Sequelize.INTEGER, primaryKey: true }, a_id: { type: Sequelize.INTEGER, references: { model: 'a', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' } });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('b');
    await queryInterface.dropTable('a');
  },
};
