import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { jsonTransformer } from '../common/numeric.transformer';
import type { Priority } from '../directives/directive.entity';
import { Inspection } from '../inspections/inspection.entity';
import { Unit } from '../units/unit.entity';
import type { RectificationAction, RectificationStatus } from './rectification-state';

/** 整改事项: one problem found at one unit, to be fixed by a deadline and verified before it is signed off. */
@Entity('rectification_items')
@Index('IDX_rectification_items_unit_status', ['unitId', 'status', 'deadline'])
// The list's order (sort_key, id): everyone's, one unit's, one status's.
@Index('IDX_rectification_items_sort', ['sortKey', 'id'])
@Index('IDX_rectification_items_unit_sort', ['unitId', 'sortKey', 'id'])
@Index('IDX_rectification_items_status_sort', ['status', 'sortKey', 'id'])
// The board's weekly sign-offs.
@Index('IDX_rectification_items_signed_off', ['status', 'signedOffAt'])
export class RectificationItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_rectification_items_inspection')
  @Column({ name: 'inspection_id', type: 'int' })
  inspectionId!: number;

  @ManyToOne(() => Inspection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspection_id', foreignKeyConstraintName: 'FK_rectification_items_inspection' })
  inspection?: Inspection;

  @Column({ name: 'unit_id', type: 'int' })
  unitId!: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_rectification_items_unit' })
  unit?: Unit;

  /** Where the problem was found (a branch, a village, a shop). */
  @Column({ type: 'varchar', length: 200 })
  location!: string;

  /** What was found. */
  @Column({ type: 'text' })
  problem!: string;

  /** The requirement or rule it breaks. */
  @Column({ type: 'varchar', length: 500 })
  rule!: string;

  /** What the fix must achieve, item by item. */
  @Column({ type: 'text', transformer: jsonTransformer })
  requirements!: string[];

  /** Chooses the escalation ladder, as a directive's priority does. */
  @Column({ type: 'varchar', length: 10 })
  priority!: Priority;

  /** Working days allowed, counted from the day the item is issued (or reopened). */
  @Column({ name: 'deadline_days', type: 'int' })
  deadlineDays!: number;

  /** Set when issued or reopened. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  deadline!: string | null;

  /** 回头看: when the office means to check again that the problem stays fixed. */
  @Column({ name: 'recheck_on', type: 'varchar', length: 10, nullable: true })
  recheckOn!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: RectificationStatus;

  /** Where the item stands in the list, kept with its status and deadline (`rectificationSortKey`). */
  @Column({ name: 'sort_key', type: 'varchar', length: 16 })
  sortKey!: string;

  /** The rectification notice that carried this item to the unit. */
  @Column({ name: 'notice_id', type: 'int', nullable: true })
  noticeId!: number | null;

  @Column({ name: 'reopen_count', type: 'int', default: 0 })
  reopenCount!: number;

  @Column({ name: 'issued_at', type: 'datetime', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'signed_off_at', type: 'datetime', nullable: true })
  signedOffAt!: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** The item's full history: every step with its plan, report or reason; evidence files hang off the step. */
@Entity('rectification_events')
export class RectificationEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_rectification_events_item')
  @Column({ name: 'item_id', type: 'int' })
  itemId!: number;

  @ManyToOne(() => RectificationItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_rectification_events_item' })
  item?: RectificationItem;

  @Column({ type: 'varchar', length: 20 })
  action!: RectificationAction | 'create' | 'update';

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: RectificationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus!: RectificationStatus;

  /** The plan or report text, or the reason given. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  /** The deadline in force after the step (set when issued or reopened). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  deadline!: string | null;

  @Column({ name: 'actor_user_id', type: 'int', nullable: true })
  actorUserId!: number | null;

  @Column({ name: 'occurred_at', type: 'datetime' })
  occurredAt!: Date;
}
