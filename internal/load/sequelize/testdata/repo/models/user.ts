import { DataTypes, Model, Optional, Sequelize } from 'sequelize';

interface UserAttributes {
  id: number;
  email: string;
  displayName: string;
  teamId: number | null;
}

type UserCreationAttributes = Optional<
  UserAttributes,
  'id' | 'teamId'
>;

export class User extends Model<UserAttributes, UserCreationAttributes> {
  static associate(models: any) {
    User.belongsTo(models.Team, { foreignKey: 'teamId', onDelete: 'SET NULL' });
    User.hasMany(models.Post);
  }
}

export function initUser(sequelize: Sequelize) {
  User.init(
    {
      id: { type: DataTypes.INTEGER.UNSIGNED, primaryKey: true, autoIncrement: true },
      email: { type: DataTypes.STRING(191), allowNull: false, unique: true, validate: { isEmail: true } },
      displayName: { type: DataTypes.STRING, allowNull: false, field: 'display_name' },
      teamId: {
        type: DataTypes.INTEGER.UNSIGNED,
        references: { model: 'teams', key: 'id' },
      },
    },
    {
      sequelize,
      tableName: 'users',
      paranoid: true,
      indexes: [
        { fields: ['teamId'] },
        { name: 'users_email_unique', unique: true, fields: ['email'] },
      ],
    },
  );
  return User;
}
