import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Priority } from './chase-terms';
import type { LadderSettings } from './escalation-ladder';

export const ESCALATION_STATUSES = ['pending', 'issued', 'dismissed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = { pending: '待审批', issued: '已发出', dismissed: '已驳回' };

/** A rung's name: a standard rung, 'report_overdue', or a rung defined through `Rungs`. */
export type EscalationRung = string;

/** A rung reached by one piece of chased work: issued at once, or prepared and waiting for the office's approval. */
@Entity('escalations')
@Index('UQ_escalations_key', ['subjectKind', 'subjectId', 'rung', 'periodKey'], { unique: true })
// The approval queue and its tabs, newest first.
@Index('IDX_escalations_status', ['status', 'id'])
export class Escalation {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The kind of work chased, as its chase source names it ('assignment', 'rectification'). */
  @Column({ name: 'subject_kind', type: 'varchar', length: 24 })
  subjectKind!: string;

  @Column({ name: 'subject_id', type: 'int' })
  subjectId!: number;

  /** The unit whose work it is (a work's unit never changes), so a unit's rows are found by index; null only for a row carried over whose work could not be read. */
  @Column({ name: 'unit_id', type: 'int', nullable: true })
  unitId!: number | null;

  @Column({ type: 'varchar', length: 24 })
  rung!: EscalationRung;

  @Column({ name: 'period_key', type: 'varchar', length: 24 })
  periodKey!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: EscalationStatus;

  /** What the rung issues (until formal notices exist, the record of what would be issued). */
  @Column({ type: 'varchar', length: 500 })
  summary!: string;

  /** The notice the rung issues (督办通知书, 通报, 约谈通知书), drafted when the rung is reached. */
  @Column({ name: 'notice_id', type: 'int', nullable: true })
  noticeId!: number | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy!: number | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}

/** The office's ladder for one priority; a priority without a row follows the default. */
@Entity('escalation_policies')
export class EscalationPolicy {
  @Column({ type: 'varchar', length: 10, primary: true })
  priority!: Priority;

  /** As the office saved it; rungs defined since are read with their defaults (`readLadder`). */
  @Column({ type: 'text', transformer: { to: (value: LadderSettings) => JSON.stringify(value), from: (value: string) => JSON.parse(value) as Partial<LadderSettings> } })
  ladder!: Partial<LadderSettings>;

  @Column({ name: 'updated_by', type: 'int' })
  updatedBy!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
