import { QueryInterface, DataTypes } from 'sequelize';
import { timestamps } from './helpers/columns';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.createTable('users', {
    id: {
      type: DataTypes.INTEGER.UNSIGNED,
      primaryKey: true,
      autoIncrement: true,
    },
    email: {
      type: DataTypes.STRING(191),
      allowNull: false,
      unique: true,
    },
    teamId: {
      type: DataTypes.INTEGER,
      references: { model: 'teams', key: 'id' },
      onDelete: 'CASCADE',
    },
    ...timestamps(),
  });
  await queryInterface.addIndex('users', ['teamId', 'createdAt']);
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.dropTable('users');
}
