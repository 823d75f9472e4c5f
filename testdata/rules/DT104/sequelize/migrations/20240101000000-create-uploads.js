'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('uploads', {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true }, // want DT104 "`uploads.id` is a signed INT AUTO_INCREMENT"
      // ok: BIGINT for the size
      size_bytes: { type: Sequelize.BIGINT.UNSIGNED, allowNull: false },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('uploads');
  },
};
