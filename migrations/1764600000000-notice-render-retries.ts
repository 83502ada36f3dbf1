import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** A notice's PDF that could not be rendered: how often it failed, why, and when it is tried again. */
export class NoticeRenderRetries1764600000000 implements MigrationInterface {
  name = 'NoticeRenderRetries1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    await queryRunner.addColumns('notices', [
      new TableColumn(c.int('render_failures', { default: 0 })),
      new TableColumn(c.text('render_error', 500, true)),
      new TableColumn(c.datetime('render_retry_at', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['render_retry_at', 'render_error', 'render_failures']) await queryRunner.dropColumn('notices', column);
  }
}
