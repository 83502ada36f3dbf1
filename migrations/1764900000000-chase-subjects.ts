import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** The two tables keyed by the work they chase, and the column naming each row's step. */
const TABLES = [
  ['scheduled_actions', 'kind'],
  ['escalations', 'rung'],
] as const;

/** The kinds of work chased before (subject kind, column of the old foreign key, table it pointed to). */
const KINDS = [
  ['assignment', 'assignment_id', 'assignments'],
  ['rectification', 'rectification_id', 'rectification_items'],
] as const;

/**
 * The schedule and the rungs name their work by (subject_kind, subject_id) instead of one nullable
 * foreign key per kind, so a new kind of chased work needs no column of its own. The rows are carried
 * over; the unique keys become (subject_kind, subject_id, step, period).
 */
export class ChaseSubjects1764900000000 implements MigrationInterface {
  name = 'ChaseSubjects1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    for (const [table, step] of TABLES) {
      for (const [kind] of KINDS) await queryRunner.dropForeignKey(table, `FK_${table}_${kind}`);
      await queryRunner.dropIndex(table, `UQ_${table}_key`);
      await queryRunner.dropIndex(table, `UQ_${table}_rectification_key`);
      await queryRunner.addColumns(table, [new TableColumn(c.text('subject_kind', 24, true)), new TableColumn(c.int('subject_id', { isNullable: true }))]);
      for (const [kind, column] of KINDS) {
        await queryRunner.query(`UPDATE ${table} SET subject_kind = ?, subject_id = ${column} WHERE ${column} IS NOT NULL`, [kind]);
      }
      await queryRunner.dropColumns(table, KINDS.map(([, column]) => column));
      const current = (await queryRunner.getTable(table))!;
      await queryRunner.changeColumns(table, [
        { oldColumn: current.findColumnByName('subject_kind')!, newColumn: new TableColumn(c.text('subject_kind', 24)) },
        { oldColumn: current.findColumnByName('subject_id')!, newColumn: new TableColumn(c.int('subject_id')) },
      ]);
      await queryRunner.createIndex(table, new TableIndex({ name: `UQ_${table}_key`, columnNames: ['subject_kind', 'subject_id', step, 'period_key'], isUnique: true }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    for (const [table, step] of TABLES) {
      await queryRunner.dropIndex(table, `UQ_${table}_key`);
      await queryRunner.addColumns(table, KINDS.map(([, column]) => new TableColumn(c.int(column, { isNullable: true }))));
      for (const [kind, column] of KINDS) {
        await queryRunner.query(`UPDATE ${table} SET ${column} = subject_id WHERE subject_kind = ?`, [kind]);
      }
      // Rows of kinds the old schema cannot name have nowhere to go.
      await queryRunner.query(`DELETE FROM ${table} WHERE ${KINDS.map(([, column]) => `${column} IS NULL`).join(' AND ')}`);
      await queryRunner.dropColumns(table, ['subject_kind', 'subject_id']);
      await queryRunner.createIndex(table, new TableIndex({ name: `UQ_${table}_key`, columnNames: ['assignment_id', step, 'period_key'], isUnique: true }));
      await queryRunner.createIndex(table, new TableIndex({ name: `UQ_${table}_rectification_key`, columnNames: ['rectification_id', step, 'period_key'], isUnique: true }));
      for (const [kind, column, target] of KINDS) {
        await queryRunner.createForeignKey(table, new TableForeignKey(c.foreignKey(column, target, `FK_${table}_${kind}`)));
      }
    }
  }
}
