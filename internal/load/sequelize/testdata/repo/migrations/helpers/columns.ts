import { DataTypes } from 'sequelize';

export function timestamps() {
  return {
    createdAt: { type: DataTypes.DATE, allowNull: false },
    updatedAt: { type: DataTypes.DATE, allowNull: false },
  };
}
