import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** Working-day calendar overrides, source documents, directives, assignments and their paperwork. */
export class Directives1764100000000 implements MigrationInterface {
  name = 'Directives1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({ name: 'calendar_days', columns: [{ ...c.text('date', 10), isPrimary: true }, c.text('kind', 10), c.text('note', 100)] }),
    );
    await queryRunner.createTable(new Table({ name: 'calendar_years', columns: [{ ...c.int('year'), isPrimary: true }] }));

    await queryRunner.createTable(
      new Table({
        name: 'source_documents',
        columns: [
          c.id(),
          c.text('kind', 20),
          c.text('title', 200),
          c.text('doc_number', 60, true),
          c.text('issuer', 100),
          c.text('issued_on', 10),
          c.longText('body'),
          c.int('created_by'),
          c.int('version'),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [{ name: 'UQ_source_documents_number', columnNames: ['doc_number'], isUnique: true }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'directives',
        columns: [
          c.id(),
          c.text('code', 20),
          c.int('year'),
          c.int('seq'),
          c.text('title', 200),
          c.longText('requirement'),
          c.text('category', 50),
          c.text('priority', 10),
          c.int('source_document_id', { isNullable: true }),
          c.longText('source_excerpt', true),
          c.text('deadline', 10, true),
          c.text('report_cycle', 10, true),
          c.int('report_day', { isNullable: true }),
          c.text('metric_name', 50, true),
          c.text('metric_unit', 10, true),
          c.text('metric_comparator', 3, true),
          c.decimal('metric_target'),
          c.int('created_by'),
          c.int('version'),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [
          { name: 'UQ_directives_code', columnNames: ['code'], isUnique: true },
          { name: 'UQ_directives_year_seq', columnNames: ['year', 'seq'], isUnique: true },
        ],
        foreignKeys: [c.foreignKey('source_document_id', 'source_documents', 'FK_directives_source')],
      }),
    );
    await queryRunner.createTable(new Table({ name: 'directive_counters', columns: [{ ...c.int('year'), isPrimary: true }, c.int('last_seq')] }));

    await queryRunner.createTable(
      new Table({
        name: 'assignments',
        columns: [
          c.id(),
          c.int('directive_id'),
          c.int('unit_id'),
          c.text('role', 12),
          c.text('status', 24),
          c.text('deadline', 10, true),
          c.decimal('target_value'),
          c.int('percent_done', { default: 0 }),
          c.decimal('metric_value'),
          c.datetime('acknowledged_at', true),
          c.datetime('closed_at', true),
          c.int('version'),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [
          { name: 'UQ_assignments_directive_unit', columnNames: ['directive_id', 'unit_id'], isUnique: true },
          { name: 'IDX_assignments_unit', columnNames: ['unit_id'] },
          { name: 'IDX_assignments_status', columnNames: ['status'] },
        ],
        foreignKeys: [c.foreignKey('directive_id', 'directives', 'FK_assignments_directive'), c.foreignKey('unit_id', 'units', 'FK_assignments_unit')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'assignment_events',
        columns: [c.id(), c.int('assignment_id'), c.text('action', 24), c.text('from_status', 24, true), c.text('to_status', 24), c.text('note', 500, true), c.int('actor_user_id', { isNullable: true }), c.datetime('occurred_at')],
        indices: [{ name: 'IDX_assignment_events_assignment', columnNames: ['assignment_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'progress_reports',
        columns: [
          c.id(),
          c.int('assignment_id'),
          c.longText('narrative'),
          c.int('percent_done'),
          c.decimal('metric_value'),
          c.boolean('is_final', false),
          c.text('status', 12),
          c.text('review_note', 500, true),
          c.int('submitted_by'),
          c.datetime('submitted_at'),
          c.int('reviewed_by', { isNullable: true }),
          c.datetime('reviewed_at', true),
        ],
        indices: [
          { name: 'IDX_progress_reports_assignment', columnNames: ['assignment_id'] },
          { name: 'IDX_progress_reports_status', columnNames: ['status'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'extension_requests',
        columns: [
          c.id(),
          c.int('assignment_id'),
          c.text('current_deadline', 10),
          c.text('requested_deadline', 10),
          c.text('reason', 500),
          c.text('status', 10),
          c.text('decision_note', 500, true),
          c.int('requested_by'),
          c.datetime('requested_at'),
          c.int('decided_by', { isNullable: true }),
          c.datetime('decided_at', true),
        ],
        indices: [
          { name: 'IDX_extension_requests_assignment', columnNames: ['assignment_id'] },
          { name: 'IDX_extension_requests_status', columnNames: ['status'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'attachments',
        columns: [
          c.id(),
          c.text('owner_type', 12),
          c.int('owner_id'),
          c.text('file_name', 200),
          c.text('stored_name', 64),
          c.text('media_type', 100),
          c.int('size'),
          c.text('sha256', 64),
          c.int('uploaded_by'),
          c.datetime('uploaded_at'),
        ],
        indices: [{ name: 'IDX_attachments_owner', columnNames: ['owner_type', 'owner_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['attachments', 'extension_requests', 'progress_reports', 'assignment_events', 'assignments', 'directive_counters', 'directives', 'source_documents', 'calendar_years', 'calendar_days']) {
      await queryRunner.dropTable(table);
    }
  }
}
