import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** Indexes that serve each list's filters in its order (ending in the unique id), on both databases. */
const INDEXES: Array<[table: string, name: string, columns: string[]]> = [
  ['notices', 'IDX_notices_kind', ['kind', 'id']],
  ['notices', 'IDX_notices_year', ['year', 'id']],
  ['notices', 'IDX_notices_assignment', ['assignment_id', 'id']],
  ['rectification_items', 'IDX_rectification_items_sort', ['sort_key', 'id']],
  ['rectification_items', 'IDX_rectification_items_unit_sort', ['unit_id', 'sort_key', 'id']],
  ['rectification_items', 'IDX_rectification_items_status_sort', ['status', 'sort_key', 'id']],
  ['notifications', 'IDX_notifications_user', ['user_id', 'id']],
  ['deliveries', 'IDX_deliveries_status', ['status', 'id']],
  ['scheduled_actions', 'IDX_scheduled_actions_status_due', ['status', 'due_at', 'id']],
  ['scheduled_actions', 'IDX_scheduled_actions_unit', ['unit_id', 'status', 'due_at', 'id']],
  ['source_documents', 'IDX_source_documents_issued', ['issued_on', 'id']],
  ['source_documents', 'IDX_source_documents_kind', ['kind', 'issued_on', 'id']],
];

/** A unit, or a person, is sent a notice once: the notices list joins on it. */
const UNIQUE: Array<[table: string, name: string, columns: string[]]> = [
  ['notice_recipients', 'UQ_notice_recipients_unit', ['unit_id', 'notice_id']],
  ['notice_recipients', 'UQ_notice_recipients_user', ['user_id', 'notice_id']],
];

/** Indexes whose columns change: [table, name, columns before, columns after]. */
const WIDENED: Array<[table: string, name: string, before: string[], after: string[]]> = [
  ['notices', 'IDX_notices_status', ['status'], ['status', 'id']],
  ['notifications', 'IDX_notifications_inbox', ['user_id', 'read_at'], ['user_id', 'read_at', 'id']],
  ['escalations', 'IDX_escalations_status', ['status'], ['status', 'id']],
  ['rectification_items', 'IDX_rectification_items_unit_status', ['unit_id', 'status'], ['unit_id', 'status', 'deadline']],
];

/** The kinds of chased work known when this was written, with the table that says each one's unit. */
const SUBJECT_UNITS = [
  ['assignment', 'assignments'],
  ['rectification', 'rectification_items'],
] as const;

/**
 * Lists at a province's volume: each list's filters and order served by one index, so a page reads
 * its rows and no more.
 * - Rectification items keep their list order in `sort_key` (finished flag, then deadline), which an
 *   index can serve where the old `CASE` expression could not.
 * - Scheduled actions and rungs keep the unit of the work they chase (`unit_id`), so a unit's schedule is
 *   a range of an index instead of a subquery per row.
 */
export class ListIndexes1765500000000 implements MigrationInterface {
  name = 'ListIndexes1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);

    await queryRunner.addColumn('rectification_items', new TableColumn(c.text('sort_key', 16, true)));
    const finished = "CASE WHEN status IN ('signed_off', 'cancelled') THEN '1:' ELSE '0:' END";
    await queryRunner.query(`UPDATE rectification_items SET sort_key = ${c.mysql ? `CONCAT(${finished}, COALESCE(deadline, ''))` : `${finished} || COALESCE(deadline, '')`}`);
    const items = (await queryRunner.getTable('rectification_items'))!;
    await queryRunner.changeColumn(items, items.findColumnByName('sort_key')!, new TableColumn(c.text('sort_key', 16)));

    for (const table of ['scheduled_actions', 'escalations']) {
      await queryRunner.addColumn(table, new TableColumn(c.int('unit_id', { isNullable: true })));
      for (const [kind, subjects] of SUBJECT_UNITS) {
        await queryRunner.query(`UPDATE ${table} SET unit_id = (SELECT s.unit_id FROM ${subjects} s WHERE s.id = ${table}.subject_id) WHERE subject_kind = ?`, [kind]);
      }
    }

    // New indexes first: on MySQL a foreign key's column must keep an index while the old one is dropped.
    for (const [table, name, columnNames] of INDEXES) await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
    for (const [table, name, columnNames] of UNIQUE) await queryRunner.createIndex(table, new TableIndex({ name, columnNames, isUnique: true }));
    for (const [table, name, , columnNames] of WIDENED) {
      await queryRunner.dropIndex(table, name);
      await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of WIDENED) {
      await queryRunner.dropIndex(table, name);
      await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
    }
    for (const [table, name] of [...UNIQUE, ...INDEXES]) await queryRunner.dropIndex(table, name);
    for (const table of ['scheduled_actions', 'escalations']) await queryRunner.dropColumn(table, 'unit_id');
    await queryRunner.dropColumn('rectification_items', 'sort_key');
  }
}
