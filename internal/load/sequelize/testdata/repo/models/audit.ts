import {
  AutoIncrement, Comment, CreatedAt, DataType, DeletedAt, HasMany, IsEmail, Length, Max, Min,
  Model, PrimaryKey, Table, Column, UpdatedAt,
} from 'sequelize-typescript';
import { Post } from './post';

@Table
export class AuditEntry extends Model {
  @PrimaryKey
  @AutoIncrement
  @Column(DataType.BIGINT)
  id!: number;

  @IsEmail
  @Length({ min: 3, max: 191 })
  @Column
  actorEmail!: string;

  @Min(0)
  @Max(10)
  @Comment('severity from 0 to 10')
  @Column
  severity!: number;

  @CreatedAt
  recordedAt!: Date;

  @UpdatedAt
  changedAt!: Date;

  @HasMany(() => Post)
  posts?: Post[];
}

@Table({ paranoid: true, underscored: true, tableName: 'archived_things' })
export class ArchivedThing extends Model {
  @Column(DataType.STRING(40))
  label!: string;

  @DeletedAt
  removedAt?: Date;
}
