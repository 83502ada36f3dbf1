import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { decimalTransformer } from '../common/numeric.transformer';
import { Directive } from '../directives/directive.entity';
import { Unit } from '../units/unit.entity';
import type { AssignmentAction, AssignmentStatus } from './assignment-state';

export const ASSIGNMENT_ROLES = ['lead', 'cooperating'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, string> = { lead: '牵头单位', cooperating: '配合单位' };

/** 任务分解: one unit's share of a directive. */
@Entity('assignments')
@Index('UQ_assignments_directive_unit', ['directiveId', 'unitId'], { unique: true })
@Index('IDX_assignments_sort', ['sortKey', 'id'])
@Index('IDX_assignments_unit_sort', ['unitId', 'sortKey', 'id'])
@Index('IDX_assignments_status_sort', ['status', 'sortKey', 'id'])
@Index('IDX_assignments_review_sort', ['awaitingReview', 'sortKey', 'id'])
// The board's figures: open tasks per unit, closings in a period, deadlines falling in a week.
@Index('IDX_assignments_board_open', ['status', 'unitId', 'deadline'])
@Index('IDX_assignments_unit_status_sort', ['unitId', 'status', 'sortKey', 'id'])
@Index('IDX_assignments_status_closed', ['status', 'closedAt', 'unitId', 'deadline'])
@Index('IDX_assignments_deadline', ['deadline', 'status'])
export class Assignment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'directive_id', type: 'int' })
  directiveId!: number;

  @ManyToOne(() => Directive, (directive) => directive.assignments, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'directive_id', foreignKeyConstraintName: 'FK_assignments_directive' })
  directive?: Directive;

  @Column({ name: 'unit_id', type: 'int' })
  unitId!: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_assignments_unit' })
  unit?: Unit;

  @Column({ type: 'varchar', length: 12 })
  role!: AssignmentRole;

  @Column({ type: 'varchar', length: 24 })
  status!: AssignmentStatus;

  /** This unit's deadline (YYYY-MM-DD); starts as the directive's and moves with granted extensions. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  deadline!: string | null;

  /** This unit's target where units differ (e.g. communities 60 %, enterprises 100 %). */
  @Column({ name: 'target_value', type: 'decimal', precision: 14, scale: 4, nullable: true, transformer: decimalTransformer })
  targetValue!: number | null;

  @Column({ name: 'percent_done', type: 'int', default: 0 })
  percentDone!: number;

  @Column({ name: 'metric_value', type: 'decimal', precision: 14, scale: 4, nullable: true, transformer: decimalTransformer })
  metricValue!: number | null;

  @Column({ name: 'acknowledged_at', type: 'datetime', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt!: Date | null;

  /** The task lists' order (taskSortKey): kept with the status, the deadline and the directive's priority. */
  @Column({ name: 'sort_key', type: 'varchar', length: 14 })
  sortKey!: string;

  /**
   * Open, with something for the office to decide: a completion request, a submitted report or a
   * pending extension request. Kept by AssignmentsService whenever one of them changes.
   */
  @Column({ name: 'awaiting_review', type: 'boolean', default: false })
  awaitingReview!: boolean;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** The assignment's own history: every step, with the reason where one was given. */
@Entity('assignment_events')
export class AssignmentEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_assignment_events_assignment')
  @Column({ name: 'assignment_id', type: 'int' })
  assignmentId!: number;

  @Column({ type: 'varchar', length: 24 })
  action!: AssignmentAction | 'create' | 'extension_granted' | 'extension_refused' | 'report_accepted' | 'report_returned';

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus!: AssignmentStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus!: AssignmentStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId!: number | null;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt!: Date;
}
