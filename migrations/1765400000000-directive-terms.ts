import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { insertDirectiveTerms } from '../src/directives/directive-search';
import { schemaHelpers } from './schema-helpers';

const BATCH = 2000;

/**
 * The terms directives are searched by (src/directives/search-terms.ts), in a table whose key starts
 * with the term, filled for the directives already there.
 */
export class DirectiveTerms1765400000000 implements MigrationInterface {
  name = 'DirectiveTerms1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'directive_terms',
        columns: [
          // Compared by code point on MySQL as on SQLite: see DirectiveTerm.
          { ...c.text('term', 32), isPrimary: true, ...(c.mysql ? { collation: 'utf8mb4_bin' } : {}) },
          { ...c.int('directive_id'), isPrimary: true },
        ],
        indices: [{ name: 'IDX_directive_terms_directive', columnNames: ['directive_id', 'term'] }],
        foreignKeys: [c.foreignKey('directive_id', 'directives', 'FK_directive_terms_directive')],
      }),
      // MySQL commits a CREATE at once: a start stopped during the filling leaves the table, and the
      // next start empties it and fills it again.
      true,
    );
    await queryRunner.query('DELETE FROM directive_terms');
    for (let after = 0; ; ) {
      const directives: Array<{ id: number; title: string; code: string }> = await queryRunner.query('SELECT id, title, code FROM directives WHERE id > ? ORDER BY id LIMIT ?', [after, BATCH]);
      if (directives.length === 0) break;
      await insertDirectiveTerms(queryRunner, directives);
      after = directives[directives.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('directive_terms');
  }
}
