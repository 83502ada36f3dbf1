import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ActionKind } from './escalation-ladder';

export const ACTION_STATUSES = ['pending', 'done', 'cancelled', 'failed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { pending: '待执行', done: '已执行', cancelled: '已取消', failed: '执行失败' };

/**
 * What must happen, and when: the durable record of the schedule. Queues only deliver wake-ups for these
 * rows; the unique key makes an action's effect happen once however often it is delivered.
 */
@Entity('scheduled_actions')
@Index('UQ_scheduled_actions_key', ['subjectKind', 'subjectId', 'kind', 'periodKey'], { unique: true })
@Index('IDX_scheduled_actions_due', ['status', 'runAt'])
// The schedule as listed, in the order of its due times: everyone's, or one unit's.
@Index('IDX_scheduled_actions_status_due', ['status', 'dueAt', 'id'])
@Index('IDX_scheduled_actions_unit', ['unitId', 'status', 'dueAt', 'id'])
export class ScheduledAction {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The kind of work chased, as its chase source names it ('assignment', 'rectification'). */
  @Column({ name: 'subject_kind', type: 'varchar', length: 24 })
  subjectKind!: string;

  @Column({ name: 'subject_id', type: 'int' })
  subjectId!: number;

  /** The unit whose work it is (a work's unit never changes), so a unit's schedule is found by index; null only for a row carried over whose work could not be read. */
  @Column({ name: 'unit_id', type: 'int', nullable: true })
  unitId!: number | null;

  @Column({ type: 'varchar', length: 24 })
  kind!: ActionKind;

  /** The deadline (with the offset, for reminders) or the report period this action is for. */
  @Column({ name: 'period_key', type: 'varchar', length: 24 })
  periodKey!: string;

  /** When the ladder says it happens. */
  @Column({ name: 'due_at', type: 'datetime' })
  dueAt!: Date;

  /** When it is next tried: the due time, or later after a failed attempt. */
  @Column({ name: 'run_at', type: 'datetime' })
  runAt!: Date;

  @Column({ type: 'varchar', length: 12 })
  status!: ActionStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /** What it did, in words: whom it reminded, or why it had nothing to do. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  outcome!: string | null;

  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
