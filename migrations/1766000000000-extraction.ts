import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/**
 * Task extraction (issue 16): the names the office gives a unit besides its own (each alias names one
 * unit only), and where in its source document a directive was taken from (character offsets).
 */
export class Extraction1766000000000 implements MigrationInterface {
  name = 'Extraction1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'unit_aliases',
        columns: [c.id(), c.int('unit_id'), c.text('alias', 100)],
        indices: [
          { name: 'UQ_unit_aliases_alias', columnNames: ['alias'], isUnique: true },
          { name: 'IDX_unit_aliases_unit', columnNames: ['unit_id'] },
        ],
        foreignKeys: [c.foreignKey('unit_id', 'units', 'FK_unit_aliases_unit')],
      }),
      true,
    );
    await queryRunner.addColumns('directives', [new TableColumn(c.int('source_start', { isNullable: true })), new TableColumn(c.int('source_end', { isNullable: true }))]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('directives', ['source_start', 'source_end']);
    await queryRunner.dropTable('unit_aliases');
  }
}
