import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ATTACHMENT_OWNERS = ['report', 'document', 'inspection', 'rectify_step', 'objection'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

/** An uploaded file, stored under a generated name outside any served folder. */
@Entity('attachments')
@Index('IDX_attachments_owner', ['ownerType', 'ownerId'])
export class Attachment {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'owner_type', type: 'varchar', length: 12 })
  ownerType!: AttachmentOwner;

  @Column({ name: 'owner_id', type: 'int' })
  ownerId!: number;

  /** The client's file name, cleaned; shown to people, never used as a path. */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ name: 'stored_name', type: 'varchar', length: 64 })
  storedName!: string;

  /** The type found in the content, not the one the client claimed. */
  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'uploaded_by', type: 'int' })
  uploadedBy!: number;

  @Column({ name: 'uploaded_at', type: 'datetime' })
  uploadedAt!: Date;
}
