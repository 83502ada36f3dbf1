import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const IMPORT_KINDS = ['directives', 'units', 'users'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * One row of an uploaded sheet, held between its preview and the office's confirmation under the
 * preview's token. Holds the cells as read (a user's initial password only as its hash); deleted once
 * confirmed, and a day after it was read.
 */
@Entity('import_preview_rows')
@Index('IDX_import_preview_rows_token', ['token', 'seq'])
@Index('IDX_import_preview_rows_created', ['createdAt'])
export class ImportPreviewRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 36 })
  token!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  /** The file's name, for the confirmation's message. */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'int' })
  seq!: number;

  /** The row's number in the sheet and its cells by column, as JSON. */
  @Column({ type: 'text' })
  data!: string;
}
