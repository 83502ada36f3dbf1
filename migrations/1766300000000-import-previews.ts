import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** Rows of an uploaded sheet held between an import's preview and its confirmation. */
export class ImportPreviews1766300000000 implements MigrationInterface {
  name = 'ImportPreviews1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'import_preview_rows',
        columns: [c.id(), c.text('token', 36), c.text('kind', 16), c.int('created_by'), c.datetime('created_at'), c.text('file_name', 200), c.int('seq'), c.longText('data')],
        indices: [
          { name: 'IDX_import_preview_rows_token', columnNames: ['token', 'seq'] },
          { name: 'IDX_import_preview_rows_created', columnNames: ['created_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_preview_rows');
  }
}
