import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** Official notices, their recipients and acknowledgements, their per-kind, per-year numbering, and the rungs' notices. */
export class Notices1764300000000 implements MigrationInterface {
  name = 'Notices1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'notices',
        columns: [
          c.id(),
          c.text('kind', 24),
          c.text('status', 10),
          c.text('title', 200),
          c.text('addressee', 200),
          c.longText('content'),
          c.longText('copy_to'),
          c.text('issuer_name', 100),
          c.text('issuer_code', 20),
          c.int('year', { isNullable: true }),
          c.int('seq', { isNullable: true }),
          c.text('number', 40, true),
          c.int('assignment_id', { isNullable: true }),
          c.int('replaces_id', { isNullable: true }),
          c.text('issued_on', 10, true),
          c.datetime('issued_at', true),
          c.int('issued_by', { isNullable: true }),
          c.text('pdf_file', 64, true),
          c.text('pdf_sha256', 64, true),
          c.datetime('voided_at', true),
          c.text('void_reason', 500, true),
          c.int('created_by'),
          c.int('version'),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [
          { name: 'UQ_notices_number', columnNames: ['kind', 'year', 'seq'], isUnique: true },
          { name: 'IDX_notices_status', columnNames: ['status'] },
        ],
        foreignKeys: [c.foreignKey('assignment_id', 'assignments', 'FK_notices_assignment')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notice_recipients',
        columns: [c.id(), c.int('notice_id'), c.int('unit_id', { isNullable: true }), c.int('user_id', { isNullable: true }), c.text('role', 4), c.text('name', 100), c.datetime('acknowledged_at', true), c.int('acknowledged_by', { isNullable: true })],
        indices: [{ name: 'IDX_notice_recipients_notice', columnNames: ['notice_id'] }],
        foreignKeys: [c.foreignKey('notice_id', 'notices', 'FK_notice_recipients_notice')],
      }),
    );

    await queryRunner.createTable(
      new Table({ name: 'notice_counters', columns: [{ ...c.text('kind', 24), isPrimary: true }, { ...c.int('year'), isPrimary: true }, c.int('last_seq')] }),
    );

    // A rung of the escalation ladder drafts the notice it issues.
    await queryRunner.addColumn('escalations', new TableColumn(c.int('notice_id', { isNullable: true })));

    await queryRunner.createTable(new Table({ name: 'notice_issuers', columns: [{ ...c.text('kind', 24), isPrimary: true }, c.text('code', 20), c.text('name', 100), c.int('version')] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('escalations', 'notice_id');
    for (const table of ['notice_issuers', 'notice_counters', 'notice_recipients', 'notices']) await queryRunner.dropTable(table);
  }
}
