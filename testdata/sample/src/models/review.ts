import { AllowNull, AutoIncrement, Column, DataType, Max, Min, Model, PrimaryKey, Table } from 'sequelize-typescript';

@Table({ tableName: 'reviews', underscored: true })
export class Review extends Model {
  @PrimaryKey
  @AutoIncrement
  @Column(DataType.BIGINT.UNSIGNED)
  id!: number;

  @Column({
    type: DataType.BIGINT.UNSIGNED,
    allowNull: false,
    references: { model: 'products', key: 'id' },
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
  })
  productId!: number;

  @Column({
    type: DataType.BIGINT.UNSIGNED,
    allowNull: false,
    references: { model: 'users', key: 'id' },
  })
  userId!: number;

  @Min(1)
  @Max(5)
  @AllowNull(false)
  @Column(DataType.TINYINT.UNSIGNED)
  rating!: number;

  @Column(DataType.TEXT)
  body?: string;
}
