import { Model, DataTypes } from 'sequelize';
import sequelize from './db';

export class Team extends Model {}

Team.init(
  {
    name: { type: DataTypes.STRING, allowNull: false },
  },
  { sequelize, modelName: 'Team', freezeTableName: false },
);
