import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { isMysqlFamily } from './server-flavour';

const LOCK_WAIT_SECONDS = 120;

/**
 * Runs `work` while holding a MySQL named lock, so that several instances starting together take
 * turns (migrating, seeding an empty database). SQLite is single-instance by nature and needs none.
 */
export async function withStartupLock<T>(dataSource: DataSource, lockName: string, work: () => Promise<T>): Promise<T> {
  if (!isMysqlFamily(dataSource.options.type)) return work();
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    const [{ acquired }] = await lockHolder.query('SELECT GET_LOCK(?, ?) AS acquired', [lockName, LOCK_WAIT_SECONDS]);
    if (Number(acquired) !== 1) {
      throw new Error(`Could not take the lock "${lockName}" within ${LOCK_WAIT_SECONDS}s; another instance may be stuck starting`);
    }
    try {
      return await work();
    } finally {
      await lockHolder.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await lockHolder.release();
  }
}

export async function runMigrations(dataSource: DataSource): Promise<void> {
  const applied = await withStartupLock(dataSource, 'directive_supervision_migrations', () => dataSource.runMigrations({ transaction: 'each' }));
  if (applied.length > 0) new Logger('Migrations').log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
}
