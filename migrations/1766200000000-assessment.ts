import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { DEFAULT_RULES } from '../src/assessment/assessment-rules';
import { schemaHelpers } from './schema-helpers';

/**
 * 考核排名 (issue 15): the office's scoring rules (seeded with a default set), the periods, the frozen
 * snapshots of a published ranking (totals and lines per version) and the units' objections.
 */
export class Assessment1766200000000 implements MigrationInterface {
  name = 'Assessment1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    const points = (name: string) => ({ ...c.decimal(name), isNullable: false });
    await queryRunner.createTable(new Table({ name: 'assessment_rule_sets', columns: [c.id(), c.longText('rules'), c.int('version')] }), true);
    await queryRunner.query('INSERT INTO assessment_rule_sets (rules, version) VALUES (?, 1)', [JSON.stringify(DEFAULT_RULES)]);
    await queryRunner.createTable(
      new Table({
        name: 'assessment_periods',
        columns: [c.id(), c.text('kind', 8), c.int('year'), c.int('number'), c.text('start_on', 10), c.text('end_on', 10), c.text('status', 10), c.text('published_on', 10, true), c.text('objections_until', 10, true), c.int('current_version', { default: 0 }), c.int('circular_notice_id', { isNullable: true }), c.int('version'), c.timestamp('created_at', false)],
        indices: [{ name: 'UQ_assessment_periods_period', columnNames: ['kind', 'year', 'number'], isUnique: true }],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'assessment_snapshots',
        columns: [c.id(), c.int('period_id'), c.int('version_no'), c.longText('rules'), c.text('reason', 200), c.int('created_by'), c.timestamp('created_at', false)],
        indices: [{ name: 'UQ_assessment_snapshots_version', columnNames: ['period_id', 'version_no'], isUnique: true }],
        foreignKeys: [c.foreignKey('period_id', 'assessment_periods', 'FK_assessment_snapshots_period')],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'assessment_totals',
        columns: [c.id(), c.int('snapshot_id'), c.int('unit_id'), c.text('unit_name', 100), points('base'), points('total'), c.int('rank'), c.int('position'), c.boolean('tied', false)],
        indices: [
          { name: 'IDX_assessment_totals_rank', columnNames: ['snapshot_id', 'rank', 'position'] },
          { name: 'UQ_assessment_totals_unit', columnNames: ['snapshot_id', 'unit_id'], isUnique: true },
        ],
        foreignKeys: [c.foreignKey('snapshot_id', 'assessment_snapshots', 'FK_assessment_totals_snapshot')],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'assessment_lines',
        columns: [
          c.id(),
          c.int('snapshot_id'),
          c.int('unit_id'),
          c.int('seq'),
          c.text('rule', 30),
          c.text('occurred_on', 10),
          c.text('event', 500),
          c.text('record_type', 20),
          c.int('record_id'),
          c.text('link', 200),
          c.int('quantity'),
          points('weight'),
          points('raw'),
          points('points'),
          c.boolean('capped', false),
          c.text('correction', 500, true),
        ],
        indices: [{ name: 'IDX_assessment_lines_unit', columnNames: ['snapshot_id', 'unit_id', 'seq'] }],
        foreignKeys: [c.foreignKey('snapshot_id', 'assessment_snapshots', 'FK_assessment_lines_snapshot')],
      }),
      true,
    );
    await queryRunner.createTable(
      new Table({
        name: 'assessment_objections',
        columns: [
          c.id(),
          c.int('period_id'),
          c.int('unit_id'),
          c.int('line_seq'),
          c.int('snapshot_version'),
          c.longText('reason'),
          c.text('status', 10),
          c.text('decision_note', 1000, true),
          c.decimal('corrected_points'),
          c.int('result_version', { isNullable: true }),
          c.int('created_by'),
          c.timestamp('created_at', false),
          c.int('decided_by', { isNullable: true }),
          c.datetime('decided_at', true),
          c.int('version'),
        ],
        indices: [
          { name: 'IDX_assessment_objections_period', columnNames: ['period_id', 'unit_id'] },
          { name: 'IDX_assessment_objections_status', columnNames: ['status', 'id'] },
        ],
        foreignKeys: [c.foreignKey('period_id', 'assessment_periods', 'FK_assessment_objections_period')],
      }),
      true,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['assessment_objections', 'assessment_lines', 'assessment_totals', 'assessment_snapshots', 'assessment_periods', 'assessment_rule_sets']) await queryRunner.dropTable(table);
  }
}
