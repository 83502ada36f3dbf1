import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { isMysqlFamily } from '../src/database/server-flavour';

/** Units, users and the audit trail. Written with TypeORM's schema builder so one file serves both databases. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = isMysqlFamily(queryRunner.connection.options.type);
    if (mysql) {
      // Every table created from here on stores full Unicode (rare characters in names included).
      await queryRunner.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    }
    // The types each driver reports back, so that entities and the migrated schema compare equal.
    const integer = mysql ? 'int' : 'integer';
    const boolean = mysql ? 'tinyint' : 'boolean';
    const id: TableColumnOptions = { name: 'id', type: integer, isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
    const timestamp = (name: string, onUpdate: boolean): TableColumnOptions =>
      mysql
        ? { name, type: 'datetime', precision: 6, default: 'CURRENT_TIMESTAMP(6)', ...(onUpdate ? { onUpdate: 'CURRENT_TIMESTAMP(6)' } : {}) }
        : { name, type: 'datetime', default: "datetime('now')" };
    const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });

    await queryRunner.createTable(
      new Table({
        name: 'units',
        columns: [
          id,
          text('name', 100),
          text('short_name', 30),
          text('kind', 20),
          { name: 'parent_id', type: integer, isNullable: true },
          text('contact_person', 50, true),
          text('contact_phone', 30, true),
          text('contact_email', 100, true),
          text('address', 200, true),
          { name: 'active', type: boolean, default: 1 },
          timestamp('created_at', false),
          timestamp('updated_at', true),
        ],
        indices: [{ name: 'UQ_units_name', columnNames: ['name'], isUnique: true }],
        foreignKeys: [{ name: 'FK_units_parent', columnNames: ['parent_id'], referencedTableName: 'units', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          text('username', 32),
          text('display_name', 50),
          text('role', 16),
          { name: 'unit_id', type: integer, isNullable: true },
          text('phone', 30, true),
          text('email', 100, true),
          { name: 'active', type: boolean, default: 1 },
          text('password_hash', 255),
          { name: 'token_version', type: integer, default: 0 },
          { name: 'last_login_at', type: 'datetime', isNullable: true },
          timestamp('created_at', false),
          timestamp('updated_at', true),
        ],
        indices: [{ name: 'UQ_users_username', columnNames: ['username'], isUnique: true }],
        foreignKeys: [{ name: 'FK_users_unit', columnNames: ['unit_id'], referencedTableName: 'units', referencedColumnNames: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          id,
          { name: 'occurred_at', type: 'datetime' },
          { name: 'actor_user_id', type: integer, isNullable: true },
          text('actor_username', 64, true),
          { name: 'actor_unit_id', type: integer, isNullable: true },
          text('action', 50),
          text('object_type', 30, true),
          text('object_id', 40, true),
          { name: 'changes', type: 'text', isNullable: true },
          text('correlation_id', 64, true),
          text('ip', 45, true),
        ],
        indices: [
          { name: 'IDX_audit_occurred_at', columnNames: ['occurred_at'] },
          { name: 'IDX_audit_actor', columnNames: ['actor_user_id'] },
          { name: 'IDX_audit_action', columnNames: ['action'] },
          { name: 'IDX_audit_object', columnNames: ['object_type', 'object_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entries');
    await queryRunner.dropTable('users');
    await queryRunner.dropTable('units');
  }
}
