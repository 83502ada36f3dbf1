import { createConnection } from 'mysql2/promise';
import type { DataSourceOptions } from 'typeorm';

export const isMysqlFamily = (type: DataSourceOptions['type']): boolean => type === 'mysql' || type === 'mariadb';

/**
 * DB_TYPE=mysql serves MySQL and MariaDB alike; TypeORM must know which one it talks to, since the two
 * report column defaults differently and would otherwise see schema drift that is not there.
 */
export async function withDetectedServerFlavour(options: DataSourceOptions): Promise<DataSourceOptions> {
  if (options.type !== 'mysql') return options;
  const connection = await createConnection({
    host: options.host,
    port: options.port,
    user: options.username,
    password: options.password,
    connectTimeout: options.connectTimeout,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as Array<{ version: string }>)[0].version);
    return version.includes('MariaDB') ? ({ ...options, type: 'mariadb' } as DataSourceOptions) : options;
  } finally {
    await connection.end();
  }
}
