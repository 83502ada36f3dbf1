import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The notices still without their PDF, found without reading every notice: /health counts them at each
 * poll and the render job looks for them at each tick. Nearly every notice has its PDF, so the rows
 * under pdf_sha256 IS NULL are the drafts and the few waiting; status tells those apart in the index.
 */
export class NoticePdfBacklog1765300000000 implements MigrationInterface {
  name = 'NoticePdfBacklog1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('notices', new TableIndex({ name: 'IDX_notices_pdf_backlog', columnNames: ['pdf_sha256', 'status'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notices', 'IDX_notices_pdf_backlog');
  }
}
