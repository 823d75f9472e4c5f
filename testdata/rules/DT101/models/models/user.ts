import { Model, DataTypes, Optional, Sequelize } from 'sequelize';

interface UserAttributes { id: number; email: string; status: string; plan: string; name: string }
type UserCreation = Optional<UserAttributes, 'id' | 'plan'>;

export class User extends Model<UserAttributes, UserCreation> {}

export function initUser(sequelize: Sequelize) {
  User.init({
    // ok: primary keys and attributes listed in Optional<> are fine
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    plan: { type: DataTypes.STRING, allowNull: false },
    // ok: a default makes it optional at creation
    status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'active' },
    email: { type: DataTypes.STRING, allowNull: false }, // want DT101 "`User.email` is required"
    name: { type: DataTypes.STRING, allowNull: true },
  }, { sequelize, tableName: 'users' });
  return User;
}
