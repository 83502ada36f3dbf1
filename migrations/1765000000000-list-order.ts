import { MigrationInterface, QueryRunner, TableColumn, TableColumnOptions, TableIndex } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

const OPEN = "('issued', 'acknowledged', 'in_progress', 'completion_requested')";
const RANK = (alias: string) => `CASE ${alias}.priority WHEN 'urgent' THEN 0 WHEN 'important' THEN 1 ELSE 2 END`;

const ASSIGNMENT_INDEXES = [
  new TableIndex({ name: 'IDX_assignments_sort', columnNames: ['sort_key', 'id'] }),
  new TableIndex({ name: 'IDX_assignments_unit_sort', columnNames: ['unit_id', 'sort_key', 'id'] }),
  new TableIndex({ name: 'IDX_assignments_status_sort', columnNames: ['status', 'sort_key', 'id'] }),
  new TableIndex({ name: 'IDX_assignments_review_sort', columnNames: ['awaiting_review', 'sort_key', 'id'] }),
];
const DIRECTIVE_INDEXES = [
  new TableIndex({ name: 'IDX_directives_due', columnNames: ['due_key', 'id'] }),
  new TableIndex({ name: 'IDX_directives_priority', columnNames: ['priority_rank', 'due_key', 'id'] }),
];

async function required(queryRunner: QueryRunner, table: string, columns: TableColumnOptions[]): Promise<void> {
  const current = (await queryRunner.getTable(table))!;
  await queryRunner.changeColumns(
    table,
    columns.map((column) => ({ oldColumn: current.findColumnByName(column.name)!, newColumn: new TableColumn(column) })),
  );
}

/**
 * The lists' orders become stored, indexed columns (see task-order.ts and directive-order.ts), so a page
 * of a list of 400 000 tasks is read from an index instead of sorting every row by `CASE` expressions.
 * The new indexes begin with the columns of the single-column indexes they replace.
 */
export class ListOrder1765000000000 implements MigrationInterface {
  name = 'ListOrder1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    const concat = (...parts: string[]) => (c.mysql ? `CONCAT(${parts.join(', ')})` : parts.join(' || '));
    // Added empty, filled from the rows, then required: every writer sets them (no default to forget).
    await queryRunner.addColumns('directives', [new TableColumn(c.text('due_key', 10, true)), new TableColumn(c.int('priority_rank', { isNullable: true }))]);
    await queryRunner.query(`UPDATE directives SET due_key = COALESCE(deadline, '9999-12-31'), priority_rank = ${RANK('directives')}`);
    await queryRunner.addColumns('assignments', [new TableColumn(c.text('sort_key', 14, true)), new TableColumn(c.boolean('awaiting_review', false))]);
    await queryRunner.query(
      `UPDATE assignments SET
         sort_key = ${concat(`CASE WHEN status IN ${OPEN} THEN '0' ELSE '1' END`, "':'", "COALESCE(deadline, '9999-12-31')", "':'", `(SELECT ${RANK('d')} FROM directives d WHERE d.id = assignments.directive_id)`)},
         awaiting_review = CASE WHEN status IN ${OPEN} AND (status = 'completion_requested'
           OR EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = assignments.id AND r.status = 'submitted' AND r.is_final = 0)
           OR EXISTS (SELECT 1 FROM extension_requests e WHERE e.assignment_id = assignments.id AND e.status = 'pending')) THEN 1 ELSE 0 END`,
    );
    await required(queryRunner, 'directives', [c.text('due_key', 10), c.int('priority_rank')]);
    await required(queryRunner, 'assignments', [c.text('sort_key', 14)]);
    await queryRunner.createIndices('assignments', ASSIGNMENT_INDEXES);
    await queryRunner.dropIndex('assignments', 'IDX_assignments_unit');
    await queryRunner.dropIndex('assignments', 'IDX_assignments_status');
    await queryRunner.createIndices('directives', DIRECTIVE_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices('assignments', [new TableIndex({ name: 'IDX_assignments_unit', columnNames: ['unit_id'] }), new TableIndex({ name: 'IDX_assignments_status', columnNames: ['status'] })]);
    for (const index of ASSIGNMENT_INDEXES) await queryRunner.dropIndex('assignments', index.name!);
    for (const index of DIRECTIVE_INDEXES) await queryRunner.dropIndex('directives', index.name!);
    await queryRunner.dropColumns('assignments', ['sort_key', 'awaiting_review']);
    await queryRunner.dropColumns('directives', ['due_key', 'priority_rank']);
  }
}
