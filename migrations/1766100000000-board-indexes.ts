import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The board's (挂图作战) figures: each unit's open tasks and the period's closings read from covering
 * indexes (every column the GROUP BY needs is in the index), and the weeks' ranges of closing, deadline
 * and sign-off dates. With (status, unit_id) leading an index, a unit's tasks in one status would be
 * found by it and then sorted: the list's own order gets an index with both equalities before it.
 */
const INDEXES: Array<[table: string, name: string, columns: string[]]> = [
  ['assignments', 'IDX_assignments_board_open', ['status', 'unit_id', 'deadline']],
  ['assignments', 'IDX_assignments_unit_status_sort', ['unit_id', 'status', 'sort_key', 'id']],
  ['assignments', 'IDX_assignments_status_closed', ['status', 'closed_at', 'unit_id', 'deadline']],
  ['assignments', 'IDX_assignments_deadline', ['deadline', 'status']],
  ['rectification_items', 'IDX_rectification_items_signed_off', ['status', 'signed_off_at']],
];

export class BoardIndexes1766100000000 implements MigrationInterface {
  name = 'BoardIndexes1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, columnNames] of INDEXES) await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of INDEXES) await queryRunner.dropIndex(table, name);
  }
}
