/**
 * The benchmark's own database: a MariaDB database named dbs_api_<random> on the machine's server, or a
 * SQLite file in a temporary directory. Seeded through a connection of the benchmark's own; removed by
 * `remove()`, which first stops whatever its server still runs in it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Connection, createConnection, ResultSetHeader } from 'mysql2/promise';
import { DataSource, QueryRunner } from 'typeorm';
import { DatabaseKind, Dialect, dialectOf } from './sql';

const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

export interface BenchDatabase {
  kind: DatabaseKind;
  dialect: Dialect;
  /** Where it is, for the log. */
  label: string;
  /** What the application's configuration needs to open it. */
  appEnv: Record<string, string>;
  /** Runs one statement; answers the rows it wrote. */
  execute(sql: string): Promise<number>;
  query<T>(sql: string): Promise<T[]>;
  /** Statements the application still runs in this database (MariaDB; SQLite runs inside the application's event loop). */
  runningStatements(): Promise<number>;
  /** Stops them; answers how many. */
  stopStatements(): Promise<number>;
  remove(): Promise<void>;
}

/** Creates dbs_api_<random>; `remove` drops it (and only it). */
export async function createMysqlDatabase(): Promise<BenchDatabase> {
  const name = `dbs_api_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(MYSQL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  let seeding: Connection | null = null;
  const connection = async () => (seeding ??= await createConnection({ ...MYSQL, database: name, charset: 'utf8mb4_unicode_ci' }));
  // Threads working in this database: the application's connections and the seed's own, never another program's.
  const threads = async (where: string) => (await admin.query(`SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() AND ${where}`, [name]))[0] as { id: number }[];
  const killQueries = async () => {
    const running = await threads(`COMMAND = 'Query'`);
    for (const { id } of running) await admin.query(`KILL QUERY ${Number(id)}`).catch(() => undefined); // it may have just ended
    return running.length;
  };
  return {
    kind: 'mysql',
    dialect: dialectOf('mysql'),
    label: `MariaDB ${MYSQL.host}:${MYSQL.port}/${name}`,
    appEnv: { DB_TYPE: 'mysql', DB_HOST: MYSQL.host, DB_PORT: String(MYSQL.port), DB_USER: MYSQL.user, DB_PASSWORD: MYSQL.password, DB_NAME: name },
    execute: async (sql) => ((await (await connection()).query(sql))[0] as ResultSetHeader).affectedRows ?? 0,
    query: async <T>(sql: string) => (await (await connection()).query(sql))[0] as T[],
    runningStatements: async () => (await threads(`COMMAND = 'Query'`)).length,
    stopStatements: killQueries,
    remove: async () => {
      await killQueries();
      const connected = seeding as Connection | null;
      seeding = null;
      await connected?.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** A SQLite file in `directory` (which the caller removes); opened once the application has created it. */
export function createSqliteDatabase(directory: string): BenchDatabase {
  const path = join(directory, 'bench.sqlite');
  let runner: QueryRunner | null = null;
  const open = async () => {
    if (!runner) {
      // Foreign keys are off by default in SQLite: on, as the application has them.
      const dataSource = await new DataSource({ type: 'better-sqlite3', database: path, prepareDatabase: (db: { pragma(statement: string): unknown }) => {
          db.pragma('foreign_keys = ON');
        },
      }).initialize();
      runner = dataSource.createQueryRunner();
    }
    return runner;
  };
  return {
    kind: 'sqlite',
    dialect: dialectOf('sqlite'),
    label: `SQLite ${path}`,
    appEnv: { DB_TYPE: 'sqlite', DB_PATH: path },
    execute: async (sql) => (await (await open()).query(sql, [], true)).affected ?? 0,
    query: async <T>(sql: string) => (await (await open()).query(sql)) as T[],
    runningStatements: async () => 0,
    stopStatements: async () => 0,
    remove: async () => {
      const connected = runner as QueryRunner | null;
      runner = null;
      await connected?.release();
      await connected?.connection.destroy();
    },
  };
}
