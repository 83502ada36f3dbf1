import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/**
 * The office's seal (one row: the image in force, by its SHA-256), and the layout chosen per kind
 * (公文格式 or 信函格式); an issued notice keeps the seal and the layout it was issued with.
 */
export class NoticeSealFormat1764700000000 implements MigrationInterface {
  name = 'NoticeSealFormat1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'notice_seal',
        columns: [
          { ...c.int('id'), isPrimary: true },
          c.text('sha256', 64, true),
          c.text('file_name', 150, true),
          c.int('uploaded_by', { isNullable: true }),
          c.datetime('uploaded_at', true),
          c.int('version'),
        ],
      }),
    );
    // The one row exists from the start, so that every change is an update guarded by its version.
    await queryRunner.query('INSERT INTO notice_seal (id, version) VALUES (1, 0)');
    await queryRunner.addColumn('notice_issuers', new TableColumn({ ...c.text('format', 10), default: "'standard'" }));
    await queryRunner.addColumns('notices', [new TableColumn(c.text('format', 10, true)), new TableColumn(c.text('seal_sha256', 64, true))]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notices', 'seal_sha256');
    await queryRunner.dropColumn('notices', 'format');
    await queryRunner.dropColumn('notice_issuers', 'format');
    await queryRunner.dropTable('notice_seal');
  }
}
