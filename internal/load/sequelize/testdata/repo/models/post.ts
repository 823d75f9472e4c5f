import { AllowNull, BelongsTo, Column, DataType, Default, ForeignKey, Index, Table, Unique } from 'sequelize-typescript';
import { AuditedModel } from './base';
import { Team } from './team';

@Table({ tableName: 'posts', timestamps: true })
export class Post extends AuditedModel {
  @AllowNull(false)
  @Column
  title!: string;

  @Unique
  @Column(DataType.STRING(200))
  slug!: string;

  @Default(false)
  @Column(DataType.BOOLEAN)
  published!: boolean;

  @Index
  @ForeignKey(() => Team)
  @Column(DataType.INTEGER.UNSIGNED)
  teamId!: number;

  @BelongsTo(() => Team, { onDelete: 'CASCADE' })
  team?: Team;
}
