import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Assignment } from '../assignments/assignment.entity';
import { decimalTransformer } from '../common/numeric.transformer';
import { SourceDocument } from '../documents/source-document.entity';
import type { Priority, ReportCycle } from '../reminders/chase-terms';

// The escalation engine owns these words (a priority chooses its ladder); directives name them as before.
export { CYCLE_LABELS, PRIORITIES, PRIORITY_LABELS, REPORT_CYCLES } from '../reminders/chase-terms';
export type { Priority, ReportCycle } from '../reminders/chase-terms';

export const COMPARATORS = ['gte', 'lte', 'eq'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const COMPARATOR_SIGNS: Record<Comparator, string> = { gte: '≥', lte: '≤', eq: '=' };

/** 督办事项: one concrete requirement, assigned to a lead unit and any cooperating units. */
@Entity('directives')
@Index('UQ_directives_year_seq', ['year', 'seq'], { unique: true })
@Index('IDX_directives_due', ['dueKey', 'id'])
@Index('IDX_directives_priority', ['priorityRank', 'dueKey', 'id'])
export class Directive {
  @PrimaryGeneratedColumn()
  id!: number;

  /** DB-2026-0007: unique and gapless per year. */
  @Index('UQ_directives_code', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  requirement!: string;

  @Column({ type: 'varchar', length: 50 })
  category!: string;

  @Column({ type: 'varchar', length: 10 })
  priority!: Priority;

  @Column({ name: 'source_document_id', type: 'int', nullable: true })
  sourceDocumentId!: number | null;

  @ManyToOne(() => SourceDocument, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_document_id', foreignKeyConstraintName: 'FK_directives_source' })
  sourceDocument?: SourceDocument | null;

  /** The paragraph of the source this directive was taken from. */
  @Column({ name: 'source_excerpt', type: 'text', nullable: true })
  sourceExcerpt!: string | null;

  /** Where the excerpt stands in the source document's body: character offsets [start, end), or null. */
  @Column({ name: 'source_start', type: 'int', nullable: true })
  sourceStart!: number | null;

  @Column({ name: 'source_end', type: 'int', nullable: true })
  sourceEnd!: number | null;

  /** Deadline (YYYY-MM-DD) of a one-off directive; null for standing work. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  deadline!: string | null;

  /** Reporting cycle of standing work (长期坚持); null for a one-off directive. */
  @Column({ name: 'report_cycle', type: 'varchar', length: 10, nullable: true })
  reportCycle!: ReportCycle | null;

  /** Day of the month (monthly) or of the quarter's last month (quarterly) reports are due; weekday 1–5 for weekly. */
  @Column({ name: 'report_day', type: 'int', nullable: true })
  reportDay!: number | null;

  @Column({ name: 'metric_name', type: 'varchar', length: 50, nullable: true })
  metricName!: string | null;

  @Column({ name: 'metric_unit', type: 'varchar', length: 10, nullable: true })
  metricUnit!: string | null;

  @Column({ name: 'metric_comparator', type: 'varchar', length: 3, nullable: true })
  metricComparator!: Comparator | null;

  @Column({ name: 'metric_target', type: 'decimal', precision: 14, scale: 4, nullable: true, transformer: decimalTransformer })
  metricTarget!: number | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  /** The list's order by deadline (directiveOrder): the deadline, or 9999-12-31 for standing work. */
  @Column({ name: 'due_key', type: 'varchar', length: 10 })
  dueKey!: string;

  /** The list's order by priority (directiveOrder): urgent 0, important 1, normal 2. */
  @Column({ name: 'priority_rank', type: 'int' })
  priorityRank!: number;

  @OneToMany('Assignment', (assignment: Assignment) => assignment.directive)
  assignments?: Assignment[];

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** The last directive number issued in a year; locked while the next is taken, so numbers never repeat or skip. */
@Entity('directive_counters')
export class DirectiveCounter {
  @Column({ type: 'int', primary: true })
  year!: number;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq!: number;
}
