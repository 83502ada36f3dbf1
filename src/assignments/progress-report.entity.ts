import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { decimalTransformer } from '../common/numeric.transformer';

export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { submitted: '待审核', accepted: '已采纳', returned: '已退回' };

/** 进展报送: what a unit reports on its assignment; the office accepts or returns it. */
@Entity('progress_reports')
export class ProgressReport {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_progress_reports_assignment')
  @Column({ name: 'assignment_id', type: 'int' })
  assignmentId!: number;

  @Column({ type: 'text' })
  narrative!: string;

  @Column({ name: 'percent_done', type: 'int' })
  percentDone!: number;

  @Column({ name: 'metric_value', type: 'decimal', precision: 14, scale: 4, nullable: true, transformer: decimalTransformer })
  metricValue!: number | null;

  /** True for the report sent with a completion request (申请办结). */
  @Column({ name: 'is_final', type: 'boolean', default: false })
  isFinal!: boolean;

  @Index('IDX_progress_reports_status')
  @Column({ type: 'varchar', length: 12 })
  status!: ReportStatus;

  @Column({ name: 'review_note', type: 'varchar', length: 500, nullable: true })
  reviewNote!: string | null;

  @Column({ name: 'submitted_by', type: 'int' })
  submittedBy!: number;

  @Column({ name: 'submitted_at', type: 'datetime' })
  submittedAt!: Date;

  @Column({ name: 'reviewed_by', type: 'int', nullable: true })
  reviewedBy!: number | null;

  @Column({ name: 'reviewed_at', type: 'datetime', nullable: true })
  reviewedAt!: Date | null;
}
