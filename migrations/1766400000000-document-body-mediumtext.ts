import { MigrationInterface, QueryRunner } from 'typeorm';
import { isMysqlFamily } from '../src/database/server-flavour';

/**
 * A document's body as MEDIUMTEXT on MySQL and MariaDB, whose TEXT holds about 21,000 Chinese characters,
 * fewer than a long implementation plan has (src/database/large-text.ts). SQLite's TEXT has no limit.
 */
export class DocumentBodyMediumtext1766400000000 implements MigrationInterface {
  name = 'DocumentBodyMediumtext1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysqlFamily(queryRunner.connection.options.type)) await queryRunner.query('ALTER TABLE source_documents MODIFY body MEDIUMTEXT NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Refused by strict mode while a body is longer than TEXT holds: nothing is cut short.
    if (isMysqlFamily(queryRunner.connection.options.type)) await queryRunner.query('ALTER TABLE source_documents MODIFY body TEXT NOT NULL');
  }
}
