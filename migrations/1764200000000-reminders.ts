import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** The durable schedule, the escalation ladder and its rungs, inboxes and outgoing deliveries. */
export class Reminders1764200000000 implements MigrationInterface {
  name = 'Reminders1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'escalation_policies',
        columns: [{ ...c.text('priority', 10), isPrimary: true }, c.longText('ladder'), c.int('updated_by'), c.datetime('updated_at'), c.int('version')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'scheduled_actions',
        columns: [
          c.id(),
          c.int('assignment_id'),
          c.text('kind', 24),
          c.text('period_key', 24),
          c.datetime('due_at'),
          c.datetime('run_at'),
          c.text('status', 12),
          c.int('attempts', { default: 0 }),
          c.text('last_error', 500, true),
          c.text('outcome', 200, true),
          c.datetime('completed_at', true),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [
          { name: 'UQ_scheduled_actions_key', columnNames: ['assignment_id', 'kind', 'period_key'], isUnique: true },
          { name: 'IDX_scheduled_actions_due', columnNames: ['status', 'run_at'] },
        ],
        foreignKeys: [c.foreignKey('assignment_id', 'assignments', 'FK_scheduled_actions_assignment')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'escalations',
        columns: [
          c.id(),
          c.int('assignment_id'),
          c.text('rung', 24),
          c.text('period_key', 24),
          c.text('status', 12),
          c.text('summary', 500),
          c.int('decided_by', { isNullable: true }),
          c.datetime('decided_at', true),
          c.text('decision_note', 500, true),
          c.datetime('created_at'),
        ],
        indices: [
          { name: 'UQ_escalations_key', columnNames: ['assignment_id', 'rung', 'period_key'], isUnique: true },
          { name: 'IDX_escalations_status', columnNames: ['status'] },
        ],
        foreignKeys: [c.foreignKey('assignment_id', 'assignments', 'FK_escalations_assignment')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          c.id(),
          c.int('user_id'),
          c.text('kind', 12),
          c.text('title', 200),
          c.longText('body'),
          c.text('link', 200, true),
          c.text('source_key', 60),
          c.datetime('read_at', true),
          c.datetime('created_at'),
        ],
        indices: [
          { name: 'UQ_notifications_source', columnNames: ['user_id', 'source_key'], isUnique: true },
          { name: 'IDX_notifications_inbox', columnNames: ['user_id', 'read_at'] },
        ],
        foreignKeys: [c.foreignKey('user_id', 'users', 'FK_notifications_user')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'deliveries',
        columns: [
          c.id(),
          c.text('channel', 10),
          c.text('recipient', 40),
          c.text('topic', 80),
          c.text('status', 10),
          c.int('attempts', { default: 0 }),
          c.datetime('run_at'),
          c.text('last_error', 500, true),
          c.datetime('sent_at', true),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [
          { name: 'UQ_deliveries_key', columnNames: ['channel', 'recipient', 'topic'], isUnique: true },
          { name: 'IDX_deliveries_due', columnNames: ['status', 'run_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['deliveries', 'notifications', 'escalations', 'scheduled_actions', 'escalation_policies']) await queryRunner.dropTable(table);
  }
}
