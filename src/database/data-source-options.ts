import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { DatabaseConfig } from '../config/app-config';

/**
 * TypeORM options for either database. The schema comes only from migrations, never synchronize.
 * No entities here: each feature module registers its own (TypeOrmModule.forFeature) and the root
 * module loads them (autoLoadEntities), so database/ knows no feature.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = { migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: ['error' as const] };
  if (database.type === 'sqlite') {
    mkdirSync(dirname(database.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      // Foreign keys are off by default in SQLite; the product relies on them.
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 5000,
    extra: { connectionLimit: 10 },
  };
}
