import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Unit } from './unit.entity';

/** Another name a unit is written as in documents (人民银行 for 人行云澜分行); one alias names one unit. */
@Entity('unit_aliases')
@Index('IDX_unit_aliases_unit', ['unitId'])
export class UnitAlias {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'unit_id', type: 'int' })
  unitId!: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_unit_aliases_unit' })
  unit?: Unit;

  @Index('UQ_unit_aliases_alias', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  alias!: string;
}
