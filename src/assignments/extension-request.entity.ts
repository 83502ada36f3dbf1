import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const EXTENSION_STATUSES = ['pending', 'granted', 'refused'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_STATUS_LABELS: Record<ExtensionStatus, string> = { pending: '待审批', granted: '已同意', refused: '未同意' };

/** 延期申请: a unit asks for a later deadline before the current one passes. */
@Entity('extension_requests')
export class ExtensionRequest {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_extension_requests_assignment')
  @Column({ name: 'assignment_id', type: 'int' })
  assignmentId!: number;

  @Column({ name: 'current_deadline', type: 'varchar', length: 10 })
  currentDeadline!: string;

  @Column({ name: 'requested_deadline', type: 'varchar', length: 10 })
  requestedDeadline!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Index('IDX_extension_requests_status')
  @Column({ type: 'varchar', length: 10 })
  status!: ExtensionStatus;

  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'requested_by', type: 'int' })
  requestedBy!: number;

  @Column({ name: 'requested_at', type: 'datetime' })
  requestedAt!: Date;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy!: number | null;

  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt!: Date | null;
}
