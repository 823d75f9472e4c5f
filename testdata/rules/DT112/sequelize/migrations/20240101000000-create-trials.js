'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('trials', {
      id: { type: Sequelize.BIGINT.UNSIGNED, autoIncrement: true, primaryKey: true },
      expiresAt: { type: 'TIMESTAMP', allowNull: true }, // want DT112 "`trials.expiresAt` holds future dates"
      // ok: DATE is DATETIME in MySQL
      validUntil: { type: Sequelize.DATE, allowNull: true },
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('trials');
  },
};
