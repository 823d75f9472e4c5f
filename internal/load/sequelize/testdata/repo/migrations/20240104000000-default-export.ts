import type { QueryInterface } from 'sequelize';
import { DataTypes } from 'sequelize';

export default {
  up: async (queryInterface: QueryInterface) => {
    await queryInterface.createTable('teams', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING, allowNull: false, defaultValue: 'untitled' },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      plan: { type: DataTypes.ENUM('free', 'pro'), defaultValue: 'free' },
      createdAt: { type: DataTypes.DATE, defaultValue: DataTypes.NOW },
    });
  },
  down: async (queryInterface: QueryInterface) => {},
};
