import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { decimalTransformer, jsonTransformer } from '../common/numeric.transformer';
import type { AssessmentRules, PeriodKind, RuleKey } from './assessment-rules';
import type { ScoreLine } from './scoring';

const points = (name: string) => ({ name, type: 'decimal' as const, precision: 14, scale: 4, transformer: decimalTransformer });

/** The office's scoring rules: one row, edited as a whole with a version check. */
@Entity('assessment_rule_sets')
export class AssessmentRuleSet {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text', transformer: jsonTransformer })
  rules!: AssessmentRules;

  @VersionColumn()
  version!: number;
}

export const PERIOD_STATUSES = ['open', 'published'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = { open: '未发布', published: '已发布' };

/** A period the office ranks: previewed live while open, read from its snapshots once published. */
@Entity('assessment_periods')
@Index('UQ_assessment_periods_period', ['kind', 'year', 'number'], { unique: true })
export class AssessmentPeriod {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 8 })
  kind!: PeriodKind;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  number!: number;

  @Column({ name: 'start_on', type: 'varchar', length: 10 })
  startOn!: string;

  @Column({ name: 'end_on', type: 'varchar', length: 10 })
  endOn!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: PeriodStatus;

  @Column({ name: 'published_on', type: 'varchar', length: 10, nullable: true })
  publishedOn!: string | null;

  /** The last day a unit may object, fixed at publication by the rules then in force. */
  @Column({ name: 'objections_until', type: 'varchar', length: 10, nullable: true })
  objectionsUntil!: string | null;

  /** The snapshot version in force (0 until published); objections accepted add versions. */
  @Column({ name: 'current_version', type: 'int', default: 0 })
  currentVersion!: number;

  @Column({ name: 'circular_notice_id', type: 'int', nullable: true })
  circularNoticeId!: number | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}

/** A published ranking, frozen: version 1 at publication, one more for each accepted objection. */
@Entity('assessment_snapshots')
@Index('UQ_assessment_snapshots_version', ['periodId', 'versionNo'], { unique: true })
export class AssessmentSnapshot {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'period_id', type: 'int' })
  periodId!: number;

  @ManyToOne(() => AssessmentPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'FK_assessment_snapshots_period' })
  period?: AssessmentPeriod;

  @Column({ name: 'version_no', type: 'int' })
  versionNo!: number;

  /** The rules it was scored by. */
  @Column({ type: 'text', transformer: jsonTransformer })
  rules!: AssessmentRules;

  /** Why this version exists: publication, or the objection it corrects. */
  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}

/** One unit's total and rank in a snapshot: what the ranking table reads. */
@Entity('assessment_totals')
@Index('IDX_assessment_totals_rank', ['snapshotId', 'rank', 'position'])
@Index('UQ_assessment_totals_unit', ['snapshotId', 'unitId'], { unique: true })
export class AssessmentTotal {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'snapshot_id', type: 'int' })
  snapshotId!: number;

  @ManyToOne(() => AssessmentSnapshot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'FK_assessment_totals_snapshot' })
  snapshot?: AssessmentSnapshot;

  @Column({ name: 'unit_id', type: 'int' })
  unitId!: number;

  /** The unit's name when published. */
  @Column({ name: 'unit_name', type: 'varchar', length: 100 })
  unitName!: string;

  @Column(points('base'))
  base!: number;

  @Column(points('total'))
  total!: number;

  @Column({ type: 'int' })
  rank!: number;

  /** The order in the table (equal totals keep the units' order). */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'boolean', default: false })
  tied!: boolean;
}

/** One scored outcome in a snapshot, with the record it comes from. */
@Entity('assessment_lines')
@Index('IDX_assessment_lines_unit', ['snapshotId', 'unitId', 'seq'])
export class AssessmentLine implements Omit<ScoreLine, 'on'> {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'snapshot_id', type: 'int' })
  snapshotId!: number;

  @ManyToOne(() => AssessmentSnapshot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'FK_assessment_lines_snapshot' })
  snapshot?: AssessmentSnapshot;

  @Column({ name: 'unit_id', type: 'int' })
  unitId!: number;

  /** The line's place in the unit's lines, kept across versions: objections name it. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 30 })
  rule!: RuleKey;

  @Column({ name: 'occurred_on', type: 'varchar', length: 10 })
  occurredOn!: string;

  @Column({ type: 'varchar', length: 500 })
  event!: string;

  @Column({ name: 'record_type', type: 'varchar', length: 20 })
  recordType!: ScoreLine['recordType'];

  @Column({ name: 'record_id', type: 'int' })
  recordId!: number;

  @Column({ type: 'varchar', length: 200 })
  link!: string;

  @Column({ type: 'int' })
  quantity!: number;

  @Column(points('weight'))
  weight!: number;

  @Column(points('raw'))
  raw!: number;

  @Column(points('points'))
  points!: number;

  @Column({ type: 'boolean', default: false })
  capped!: boolean;

  /** The correction an accepted objection made to this line, in words. */
  @Column({ name: 'correction', type: 'varchar', length: 500, nullable: true })
  correction!: string | null;
}

export const OBJECTION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = { pending: '待处理', accepted: '已采纳', rejected: '已驳回' };

/** 申诉: a unit objects to one of its lines; the office accepts (a new snapshot version) or rejects. */
@Entity('assessment_objections')
@Index('IDX_assessment_objections_period', ['periodId', 'unitId'])
@Index('IDX_assessment_objections_status', ['status', 'id'])
export class AssessmentObjection {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'period_id', type: 'int' })
  periodId!: number;

  @ManyToOne(() => AssessmentPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'FK_assessment_objections_period' })
  period?: AssessmentPeriod;

  @Column({ name: 'unit_id', type: 'int' })
  unitId!: number;

  /** The line objected to, by its place (the same in every version). */
  @Column({ name: 'line_seq', type: 'int' })
  lineSeq!: number;

  /** The snapshot version the unit read when it objected. */
  @Column({ name: 'snapshot_version', type: 'int' })
  snapshotVersion!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: ObjectionStatus;

  @Column({ name: 'decision_note', type: 'varchar', length: 1000, nullable: true })
  decisionNote!: string | null;

  /** The points the line carries after an accepted objection. */
  @Column({ ...points('corrected_points'), nullable: true })
  correctedPoints!: number | null;

  /** The snapshot version an accepted objection made. */
  @Column({ name: 'result_version', type: 'int', nullable: true })
  resultVersion!: number | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy!: number | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @VersionColumn()
  version!: number;
}
