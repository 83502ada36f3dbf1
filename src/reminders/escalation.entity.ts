import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { RectificationItem } from '../rectifications/rectification.entity';
import type { Priority } from '../directives/directive.entity';
import { Ladder, Rung } from './escalation-ladder';

export const ESCALATION_STATUSES = ['pending', 'issued', 'dismissed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = { pending: '待审批', issued: '已发出', dismissed: '已驳回' };

export type EscalationRung = Rung | 'report_overdue';

/** A rung reached by one assignment: issued at once, or prepared and waiting for the office's approval. */
@Entity('escalations')
@Index('UQ_escalations_key', ['assignmentId', 'rung', 'periodKey'], { unique: true })
@Index('UQ_escalations_rectification_key', ['rectificationId', 'rung', 'periodKey'], { unique: true })
export class Escalation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'assignment_id', type: 'int', nullable: true })
  assignmentId!: number | null;

  @ManyToOne(() => Assignment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_escalations_assignment' })
  assignment?: Assignment | null;

  /** Set instead of the assignment for a rectification item's deadline. */
  @Column({ name: 'rectification_id', type: 'int', nullable: true })
  rectificationId!: number | null;

  @ManyToOne(() => RectificationItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rectification_id', foreignKeyConstraintName: 'FK_escalations_rectification' })
  rectification?: RectificationItem | null;

  @Column({ type: 'varchar', length: 24 })
  rung!: EscalationRung;

  @Column({ name: 'period_key', type: 'varchar', length: 24 })
  periodKey!: string;

  @Index('IDX_escalations_status')
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

  @Column({ type: 'text', transformer: { to: (value: Ladder) => JSON.stringify(value), from: (value: string) => JSON.parse(value) as Ladder } })
  ladder!: Ladder;

  @Column({ name: 'updated_by', type: 'int' })
  updatedBy!: number;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
