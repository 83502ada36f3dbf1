import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LargeTextColumn } from '../database/large-text';

export const DOCUMENT_KINDS = ['minutes', 'speech', 'policy', 'instruction', 'suggestion', 'inspection'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  minutes: '会议纪要',
  speech: '领导讲话',
  policy: '政策文件',
  instruction: '领导批示',
  suggestion: '建议提案',
  inspection: '督导检查',
};

/** Where requirements come from (来源): a meeting, a speech, a policy document… */
@Entity('source_documents')
// The list, latest first: all documents or one kind.
@Index('IDX_source_documents_issued', ['issuedOn', 'id'])
@Index('IDX_source_documents_kind', ['kind', 'issuedOn', 'id'])
export class SourceDocument {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: DocumentKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** 文号, e.g. 云反诈办〔2026〕3号; unique when given. */
  @Index('UQ_source_documents_number', { unique: true })
  @Column({ name: 'doc_number', type: 'varchar', length: 60, nullable: true })
  docNumber!: string | null;

  @Column({ type: 'varchar', length: 100 })
  issuer!: string;

  @Column({ name: 'issued_on', type: 'varchar', length: 10 })
  issuedOn!: string;

  @LargeTextColumn()
  body!: string;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
