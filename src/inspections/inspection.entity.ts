import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { SourceDocument } from '../documents/source-document.entity';
import { Unit } from '../units/unit.entity';

export const INSPECTION_TYPES = ['scheduled', 'unannounced', 'special'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];
export const INSPECTION_TYPE_LABELS: Record<InspectionType, string> = { scheduled: '例行督导检查', unannounced: '明查暗访', special: '专项检查' };

/**
 * 督导检查: an inspection or unannounced visit. Its title, date and summary are those of its source
 * document (kind `inspection`), so directives can come from an inspection as from any other document.
 */
@Entity('inspections')
export class Inspection {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('UQ_inspections_document', { unique: true })
  @Column({ name: 'document_id', type: 'int' })
  documentId!: number;

  @ManyToOne(() => SourceDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_inspections_document' })
  document?: SourceDocument;

  @Column({ type: 'varchar', length: 12 })
  type!: InspectionType;

  /** Who inspected: names and units, as the record gives them. */
  @Column({ type: 'varchar', length: 500 })
  inspectors!: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}

/** A unit inspected: it sees the inspection (its own findings only). */
@Entity('inspection_units')
export class InspectionUnit {
  @PrimaryColumn({ name: 'inspection_id', type: 'int' })
  inspectionId!: number;

  @Index('IDX_inspection_units_unit')
  @PrimaryColumn({ name: 'unit_id', type: 'int' })
  unitId!: number;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id', foreignKeyConstraintName: 'FK_inspection_units_inspection' })
  inspection?: Inspection;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_inspection_units_unit' })
  unit?: Unit;
}
