import type { QueryRunner, TableColumnOptions } from 'typeorm';
import { isMysqlFamily } from '../src/database/server-flavour';

/**
 * Column builders that produce, on each database, exactly the types TypeORM reads back for the
 * entities, so one migration serves SQLite and MySQL and the schema-drift test stays quiet.
 */
export function schemaHelpers(queryRunner: QueryRunner) {
  const mysql = isMysqlFamily(queryRunner.connection.options.type);
  const integer = mysql ? 'int' : 'integer';
  return {
    mysql,
    id: (): TableColumnOptions => ({ name: 'id', type: integer, isPrimary: true, isGenerated: true, generationStrategy: 'increment' }),
    int: (name: string, options: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: integer, ...options }),
    text: (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable }),
    longText: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    boolean: (name: string, defaultValue: boolean): TableColumnOptions => ({ name, type: mysql ? 'tinyint' : 'boolean', default: defaultValue ? 1 : 0 }),
    decimal: (name: string): TableColumnOptions => ({ name, type: 'decimal', precision: 14, scale: 4, isNullable: true }),
    datetime: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable }),
    /** A creation or update timestamp filled in by the database. */
    timestamp: (name: string, onUpdate: boolean): TableColumnOptions =>
      mysql
        ? { name, type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)', ...(onUpdate ? { onUpdate: 'CURRENT_TIMESTAMP(6)' } : {}) }
        : { name, type: 'datetime', default: "datetime('now')" },
    foreignKey: (column: string, table: string, name: string) => ({
      name,
      columnNames: [column],
      referencedTableName: table,
      referencedColumnNames: ['id'],
      onDelete: 'RESTRICT',
      onUpdate: 'NO ACTION',
    }),
  };
}
