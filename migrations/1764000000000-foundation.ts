import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { schemaHelpers } from './schema-helpers';

/** Units, users and the audit trail. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = schemaHelpers(queryRunner);
    if (c.mysql) {
      // Every table created from here on stores full Unicode (rare characters in names included).
      await queryRunner.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    }

    await queryRunner.createTable(
      new Table({
        name: 'units',
        columns: [
          c.id(),
          c.text('name', 100),
          c.text('short_name', 30),
          c.text('kind', 20),
          c.int('parent_id', { isNullable: true }),
          c.text('contact_person', 50, true),
          c.text('contact_phone', 30, true),
          c.text('contact_email', 100, true),
          c.text('address', 200, true),
          c.boolean('active', true),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [{ name: 'UQ_units_name', columnNames: ['name'], isUnique: true }],
        foreignKeys: [c.foreignKey('parent_id', 'units', 'FK_units_parent')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.id(),
          c.text('username', 32),
          c.text('display_name', 50),
          c.text('role', 16),
          c.int('unit_id', { isNullable: true }),
          c.text('phone', 30, true),
          c.text('email', 100, true),
          c.boolean('active', true),
          c.text('password_hash', 255),
          c.int('token_version', { default: 0 }),
          c.datetime('last_login_at', true),
          c.timestamp('created_at', false),
          c.timestamp('updated_at', true),
        ],
        indices: [{ name: 'UQ_users_username', columnNames: ['username'], isUnique: true }],
        foreignKeys: [c.foreignKey('unit_id', 'units', 'FK_users_unit')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          c.id(),
          c.datetime('occurred_at'),
          c.int('actor_user_id', { isNullable: true }),
          c.text('actor_username', 64, true),
          c.int('actor_unit_id', { isNullable: true }),
          c.text('action', 50),
          c.text('object_type', 30, true),
          c.text('object_id', 40, true),
          c.longText('changes', true),
          c.text('correlation_id', 64, true),
          c.text('ip', 45, true),
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
