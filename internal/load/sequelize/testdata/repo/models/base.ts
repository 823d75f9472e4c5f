import { Column, DataType, Model } from 'sequelize-typescript';

export abstract class AuditedModel extends Model {
  @Column(DataType.STRING(64))
  createdBy!: string;
}
