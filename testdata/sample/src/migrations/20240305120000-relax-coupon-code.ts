import { DataTypes, QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  // Deliberate: changeColumn restates the whole column; leaving out
  // allowNull: false silently makes the code nullable.
  await queryInterface.changeColumn('coupons', 'code', {
    type: DataTypes.STRING(64),
  });
}

export async function down(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.changeColumn('coupons', 'code', {
    type: DataTypes.STRING(32),
    allowNull: false,
  });
}
