'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('subscription_renewal_reminders', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      customer_account_id: { type: Sequelize.INTEGER, allowNull: false },
      scheduled_delivery_at: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex('subscription_renewal_reminders', ['customer_account_id', 'scheduled_delivery_at']); // want IX103 "index name `subscription_.*` is 72 characters long.*Sequelize generates it"
    // ok: an explicit short name
    await queryInterface.addIndex('subscription_renewal_reminders', ['scheduled_delivery_at', 'customer_account_id'], { name: 'srr_scheduled_customer_idx' });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('subscription_renewal_reminders');
  },
};
