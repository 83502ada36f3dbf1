import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { isMysqlFamily } from './server-flavour';

const MIGRATION_LOCK = 'directive_supervision_migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Runs pending migrations. On MySQL a named lock keeps several instances starting together from
 * running them twice; SQLite is single-instance by nature.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const logger = new Logger('Migrations');
  if (!isMysqlFamily(dataSource.options.type)) {
    await report(logger, dataSource);
    return;
  }
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    const [{ acquired }] = await lockHolder.query('SELECT GET_LOCK(?, ?) AS acquired', [MIGRATION_LOCK, LOCK_WAIT_SECONDS]);
    if (Number(acquired) !== 1) {
      throw new Error(`Could not take the migration lock within ${LOCK_WAIT_SECONDS}s; another instance may be stuck migrating`);
    }
    try {
      await report(logger, dataSource);
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await lockHolder.release();
  }
}

async function report(logger: Logger, dataSource: DataSource): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
}
