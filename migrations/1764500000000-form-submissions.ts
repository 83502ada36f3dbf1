import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** Page forms already submitted, so a form sent twice is handled once. */
export class FormSubmissions1764500000000 implements MigrationInterface {
  name = 'FormSubmissions1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'form_submissions',
        columns: [{ ...c.text('id', 36), isPrimary: true }, c.text('claim', 36), c.text('location', 300, true), c.datetime('submitted_at')],
        indices: [{ name: 'IDX_form_submissions_submitted', columnNames: ['submitted_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('form_submissions');
  }
}
