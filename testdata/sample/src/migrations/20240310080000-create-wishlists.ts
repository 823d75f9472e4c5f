import type { MigrationFn } from 'umzug';
import { DataTypes, QueryInterface } from 'sequelize';

export const up: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {
  await queryInterface.createTable('wishlists', {
    id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true },
    user_id: {
      type: DataTypes.BIGINT.UNSIGNED,
      allowNull: false,
      references: { model: 'users', key: 'id' },
      onDelete: 'CASCADE',
      onUpdate: 'CASCADE',
    },
    name: { type: DataTypes.STRING(100), allowNull: false, defaultValue: 'Favourites' },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
};

// Deliberate: an empty down; rolling back leaves the table behind.
export const down: MigrationFn<QueryInterface> = async () => {};
