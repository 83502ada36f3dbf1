import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/**
 * Inspections and their rectification items, listings with yellow and red cards, and the schedule and
 * rungs extended to rectification deadlines (an action or rung belongs to an assignment or an item).
 */
export class Rectification1764400000000 implements MigrationInterface {
  name = 'Rectification1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'inspections',
        columns: [c.id(), c.int('document_id'), c.text('type', 12), c.text('inspectors', 500), c.int('created_by'), c.datetime('created_at'), c.int('version')],
        indices: [{ name: 'UQ_inspections_document', columnNames: ['document_id'], isUnique: true }],
        foreignKeys: [c.foreignKey('document_id', 'source_documents', 'FK_inspections_document')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspection_units',
        columns: [
          { ...c.int('inspection_id'), isPrimary: true },
          { ...c.int('unit_id'), isPrimary: true },
        ],
        indices: [{ name: 'IDX_inspection_units_unit', columnNames: ['unit_id'] }],
        foreignKeys: [c.foreignKey('inspection_id', 'inspections', 'FK_inspection_units_inspection'), c.foreignKey('unit_id', 'units', 'FK_inspection_units_unit')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rectification_items',
        columns: [
          c.id(),
          c.int('inspection_id'),
          c.int('unit_id'),
          c.text('location', 200),
          c.longText('problem'),
          c.text('rule', 500),
          c.longText('requirements'),
          c.text('priority', 10),
          c.int('deadline_days'),
          c.text('deadline', 10, true),
          c.text('recheck_on', 10, true),
          c.text('status', 20),
          c.int('notice_id', { isNullable: true }),
          c.int('reopen_count', { default: 0 }),
          c.datetime('issued_at', true),
          c.datetime('signed_off_at', true),
          c.int('created_by'),
          c.int('version'),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [
          { name: 'IDX_rectification_items_inspection', columnNames: ['inspection_id'] },
          { name: 'IDX_rectification_items_unit_status', columnNames: ['unit_id', 'status'] },
        ],
        foreignKeys: [c.foreignKey('inspection_id', 'inspections', 'FK_rectification_items_inspection'), c.foreignKey('unit_id', 'units', 'FK_rectification_items_unit')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rectification_events',
        columns: [c.id(), c.int('item_id'), c.text('action', 20), c.text('from_status', 20, true), c.text('to_status', 20), c.longText('body', true), c.text('deadline', 10, true), c.int('actor_user_id', { isNullable: true }), c.datetime('occurred_at')],
        indices: [{ name: 'IDX_rectification_events_item', columnNames: ['item_id'] }],
        foreignKeys: [c.foreignKey('item_id', 'rectification_items', 'FK_rectification_events_item')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'listings',
        columns: [
          c.id(),
          c.int('unit_id'),
          c.text('card', 6),
          c.text('status', 12),
          c.text('origin', 12),
          c.text('proposal_key', 60, true),
          c.longText('reason'),
          c.longText('conditions_text'),
          c.longText('conditions'),
          c.datetime('proposed_at', true),
          c.text('listed_on', 10, true),
          c.text('ended_on', 10, true),
          c.int('listing_notice_id', { isNullable: true }),
          c.int('delisting_notice_id', { isNullable: true }),
          c.int('version'),
        ],
        indices: [
          { name: 'IDX_listings_unit_status', columnNames: ['unit_id', 'status'] },
          { name: 'IDX_listings_status', columnNames: ['status'] },
          { name: 'UQ_listings_proposal_key', columnNames: ['proposal_key'], isUnique: true },
        ],
        foreignKeys: [c.foreignKey('unit_id', 'units', 'FK_listings_unit')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'listing_events',
        columns: [c.id(), c.int('listing_id'), c.text('action', 12), c.text('card', 6), c.longText('note', true), c.int('actor_user_id', { isNullable: true }), c.datetime('occurred_at')],
        indices: [{ name: 'IDX_listing_events_listing', columnNames: ['listing_id'] }],
        foreignKeys: [c.foreignKey('listing_id', 'listings', 'FK_listing_events_listing')],
      }),
    );
    await queryRunner.createTable(
      new Table({ name: 'listing_rules', columns: [{ ...c.text('key', 20), isPrimary: true }, c.boolean('enabled', true), c.int('threshold'), c.text('card', 6), c.int('version')] }),
    );
    // Until the office changes them: three overdue items, or a second interview in a quarter, propose a yellow card.
    await queryRunner.query(`INSERT INTO listing_rules (${c.mysql ? '`key`' : '"key"'}, enabled, threshold, card, version) VALUES ('overdue_items', 1, 3, 'yellow', 1), ('repeat_interview', 1, 2, 'yellow', 1)`);

    // The schedule and the rungs now belong to an assignment or to a rectification item.
    for (const [table, prefix, key] of [
      ['scheduled_actions', 'scheduled_actions', 'kind'],
      ['escalations', 'escalations', 'rung'],
    ] as const) {
      const before = await queryRunner.getTable(table);
      await queryRunner.changeColumn(table, before!.findColumnByName('assignment_id')!, new TableColumn(c.int('assignment_id', { isNullable: true })));
      await queryRunner.addColumn(table, new TableColumn(c.int('rectification_id', { isNullable: true })));
      await queryRunner.createIndex(table, new TableIndex({ name: `UQ_${prefix}_rectification_key`, columnNames: ['rectification_id', key, 'period_key'], isUnique: true }));
      await queryRunner.createForeignKey(table, new TableForeignKey(c.foreignKey('rectification_id', 'rectification_items', `FK_${prefix}_rectification`)));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, prefix] of [
      ['scheduled_actions', 'scheduled_actions'],
      ['escalations', 'escalations'],
    ] as const) {
      await queryRunner.dropForeignKey(table, `FK_${prefix}_rectification`);
      await queryRunner.dropIndex(table, `UQ_${prefix}_rectification_key`);
      await queryRunner.dropColumn(table, 'rectification_id');
    }
    for (const table of ['listing_rules', 'listing_events', 'listings', 'rectification_events', 'rectification_items', 'inspection_units', 'inspections']) await queryRunner.dropTable(table);
  }
}
