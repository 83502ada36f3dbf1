import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { jsonTransformer } from '../common/numeric.transformer';
import type { NoticeFormat } from './notice-templates';

export const NOTICE_STATUSES = ['draft', 'issued', 'voided'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { draft: '草稿', issued: '已印发', voided: '已作废' };

/**
 * 督办通知书, 通报, 约谈通知书, 整改通知书: editable while a draft; once issued it has its number and
 * its PDF (rendered once, kept with its SHA-256) and never changes, except to be voided.
 */
@Entity('notices')
@Index('UQ_notices_number', ['kind', 'year', 'seq'], { unique: true })
// The notices waiting for their PDF (/health, the render job): nearly all others have one.
@Index('IDX_notices_pdf_backlog', ['pdfSha256', 'status'])
// The list's filters, each in the list's order (newest first).
@Index('IDX_notices_status', ['status', 'id'])
@Index('IDX_notices_kind', ['kind', 'id'])
@Index('IDX_notices_year', ['year', 'id'])
@Index('IDX_notices_assignment', ['assignmentId', 'id'])
export class Notice {
  @PrimaryGeneratedColumn()
  id!: number;

  /** A registered kind (NoticeKinds). */
  @Column({ type: 'varchar', length: 24 })
  kind!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: NoticeStatus;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  addressee!: string;

  /** The kind's own fields, as its content DTO names them. */
  @Column({ type: 'text', transformer: jsonTransformer })
  content!: Record<string, unknown>;

  @Column({ name: 'copy_to', type: 'text', transformer: jsonTransformer })
  copyTo!: string[];

  /** The issuer's name and code as they were when it was issued (or are now, for a draft). */
  @Column({ name: 'issuer_name', type: 'varchar', length: 100 })
  issuerName!: string;

  @Column({ name: 'issuer_code', type: 'varchar', length: 20 })
  issuerCode!: string;

  @Column({ type: 'int', nullable: true })
  year!: number | null;

  @Column({ type: 'int', nullable: true })
  seq!: number | null;

  /** `反诈办督〔2026〕12号`; null for a draft. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  number!: string | null;

  @Column({ name: 'assignment_id', type: 'int', nullable: true })
  assignmentId!: number | null;

  // Named, not imported: the foreign key stays, the notices engine does not depend on assignments/.
  @ManyToOne('Assignment', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'FK_notices_assignment' })
  assignment?: object | null;

  /** The voided notice this one corrects. */
  @Column({ name: 'replaces_id', type: 'int', nullable: true })
  replacesId!: number | null;

  /** `YYYY-MM-DD`, the date on the document. */
  @Column({ name: 'issued_on', type: 'varchar', length: 10, nullable: true })
  issuedOn!: string | null;

  @Column({ name: 'issued_at', type: 'datetime', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'issued_by', type: 'int', nullable: true })
  issuedBy!: number | null;

  @Column({ name: 'pdf_file', type: 'varchar', length: 64, nullable: true })
  pdfFile!: string | null;

  @Column({ name: 'pdf_sha256', type: 'varchar', length: 64, nullable: true })
  pdfSha256!: string | null;

  /** Renders that failed since the last success (none yet, for most): each waits longer before the next. */
  @Column({ name: 'render_failures', type: 'int', default: 0 })
  renderFailures!: number;

  /** Why the last render failed, for the office's page and the log; never shown to recipients. */
  @Column({ name: 'render_error', type: 'varchar', length: 500, nullable: true })
  renderError!: string | null;

  /** When a failed render is tried again; until then the job runner leaves the notice alone. */
  @Column({ name: 'render_retry_at', type: 'datetime', nullable: true })
  renderRetryAt!: Date | null;

  /** The layout in force when it was issued; null while a draft (a draft follows the kind's current one). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  format!: NoticeFormat | null;

  /** The office's seal in force when it was issued (a file under uploads/seals/); null if unsealed or a draft. */
  @Column({ name: 'seal_sha256', type: 'varchar', length: 64, nullable: true })
  sealSha256!: string | null;

  @Column({ name: 'voided_at', type: 'datetime', nullable: true })
  voidedAt!: Date | null;

  @Column({ name: 'void_reason', type: 'varchar', length: 500, nullable: true })
  voidReason!: string | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

export const RECIPIENT_ROLES = ['to', 'cc'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

/** A unit (主送) or a leader (抄送) who receives a notice and acknowledges it (签收). */
@Entity('notice_recipients')
// What a unit or a person was sent, newest first (the list of those who are not the office, which joins
// on these): each is sent a notice once. Rows of the other kind of party hold null there, which repeats freely.
@Index('UQ_notice_recipients_unit', ['unitId', 'noticeId'], { unique: true })
@Index('UQ_notice_recipients_user', ['userId', 'noticeId'], { unique: true })
export class NoticeRecipient {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('IDX_notice_recipients_notice')
  @Column({ name: 'notice_id', type: 'int' })
  noticeId!: number;

  @ManyToOne(() => Notice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_recipients_notice' })
  notice?: Notice;

  @Column({ name: 'unit_id', type: 'int', nullable: true })
  unitId!: number | null;

  @Column({ name: 'user_id', type: 'int', nullable: true })
  userId!: number | null;

  @Column({ type: 'varchar', length: 4 })
  role!: RecipientRole;

  /** What the document calls them. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'acknowledged_at', type: 'datetime', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ name: 'acknowledged_by', type: 'int', nullable: true })
  acknowledgedBy!: number | null;
}

/** The last number issued for a kind in a year; locked while the next is taken. */
@Entity('notice_counters')
export class NoticeCounter {
  @Column({ type: 'varchar', length: 24, primary: true })
  kind!: string;

  @Column({ type: 'int', primary: true })
  year!: number;

  @Column({ name: 'last_seq', type: 'int' })
  lastSeq!: number;
}

/** The office's issuer code per kind (e.g. `反诈办督`) and the issuing body's name. */
@Entity('notice_issuers')
export class NoticeIssuer {
  @Column({ type: 'varchar', length: 24, primary: true })
  kind!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** The layout this kind's notices are issued in from now on. */
  @Column({ type: 'varchar', length: 10, default: 'standard' })
  format!: NoticeFormat;

  @VersionColumn()
  version!: number;
}

/** The row of `notice_seal`: there is one seal, in force or removed. */
export const SEAL_ROW_ID = 1;

/**
 * The office's seal now in force, as a content-addressed PNG (`uploads/seals/<sha256>.png`). Replacing or
 * removing it changes only notices issued afterwards: each issued notice keeps the SHA-256 it was issued with.
 */
@Entity('notice_seal')
export class NoticeSeal {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  /** null once removed. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  /** The name the office gave the file, as shown on the settings. */
  @Column({ name: 'file_name', type: 'varchar', length: 150, nullable: true })
  fileName!: string | null;

  @Column({ name: 'uploaded_by', type: 'int', nullable: true })
  uploadedBy!: number | null;

  @Column({ name: 'uploaded_at', type: 'datetime', nullable: true })
  uploadedAt!: Date | null;

  @VersionColumn()
  version!: number;
}
