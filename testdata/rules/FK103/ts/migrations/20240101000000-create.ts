import { QueryInterface, DataTypes } from 'sequelize';

export async function up(queryInterface: QueryInterface) {
  await queryInterface.createTable('users', {
    id: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
  });
  await queryInterface.createTable('orders', {
    id: { type: DataTypes.BIGINT.UNSIGNED, primaryKey: true, autoIncrement: true },
    // ok: same type and signedness as users.id
    buyer_id: { type: DataTypes.BIGINT.UNSIGNED, allowNull: false, references: { model: 'users', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'CASCADE' },
  });
  await queryInterface.addColumn('orders', 'user_id', {
    type: DataTypes.INTEGER,
    references: { model: 'users', key: 'id' }, // want FK103 "`orders.user_id` is int but `users.id` is bigint unsigned"
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
  });
}

export async function down(queryInterface: QueryInterface) {
  await queryInterface.dropTable('orders');
  await queryInterface.dropTable('users');
}
