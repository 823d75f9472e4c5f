import type { MigrationFn } from 'umzug';
import { DataTypes, QueryInterface } from 'sequelize';

export const up: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {
  await queryInterface.addConstraint('users', {
    fields: ['teamId'],
    type: 'foreign key',
    references: {
      table: 'teams',
      field: 'id',
    },
    onDelete: 'SET NULL',
  });
  await queryInterface.addConstraint('users', { fields: ['email', 'teamId'], type: 'unique' });
  await queryInterface.addConstraint('teams', { fields: ['name'], type: 'check', where: { name: { [Symbol.for('ne')]: '' } } });
};

export const down: MigrationFn<QueryInterface> = async ({ context: queryInterface }) => {
  await queryInterface.removeConstraint('teams', 'teams_name_ck');
  await queryInterface.removeConstraint('users', 'users_email_teamId_uk');
  await queryInterface.removeConstraint('users', 'users_teamId_teams_fk');
};
