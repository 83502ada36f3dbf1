import { OnApplicationShutdown } from '@nestjs/common';
import { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import { isMysqlFamily } from './server-flavour';

/**
 * Connections of its own: one for the health check, one for cancelling statements, so that neither
 * waits behind the other.
 */
const CONTROL_CONNECTIONS = 2;

/** MariaDB's "Unknown query id": the statement ended between looking it up and killing it. */
const ER_NO_SUCH_QUERY = 1957;

/**
 * A small pool of its own beside the application's, for what must not wait in the application's pool
 * behind the very queries that make it slow: the health check (a load balancer would otherwise take
 * every instance out when the pool is busy), and cancelling the statement of a request that was
 * abandoned. It has the application's entities and settings, so its manager runs the same repository
 * code. On SQLite there is no pool to wait in (one connection, each statement run synchronously), so it
 * is the application's own DataSource.
 */
export class DatabaseControl implements OnApplicationShutdown {
  private constructor(
    /** The control pool's own DataSource, or the application's on SQLite (then not ours to close). */
    private readonly dataSource: DataSource,
    private readonly owned: boolean,
  ) {}

  static async open(application: DataSource): Promise<DatabaseControl> {
    if (!isMysqlFamily(application.options.type)) return new DatabaseControl(application, false);
    const options = { ...application.options, migrations: [], extra: { ...(application.options as { extra?: object }).extra, connectionLimit: CONTROL_CONNECTIONS } };
    return new DatabaseControl(await new DataSource(options as DataSourceOptions).initialize(), true);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Stops the statement carrying `marker` if connection `threadId` is still running it; false when it
   * had already ended. On MariaDB the statement is killed by its query id, so a statement the connection
   * runs next (for another request) is never hit; MySQL kills by connection only, which leaves the
   * moment between the look-up and the kill.
   */
  async cancel(threadId: number, marker: string): Promise<boolean> {
    const mariadb = this.dataSource.options.type === 'mariadb';
    const [running] = await this.dataSource.query(
      `SELECT ${mariadb ? 'QUERY_ID' : 'ID'} AS id FROM information_schema.PROCESSLIST WHERE ID = ? AND LOCATE(?, INFO) > 0`,
      [threadId, marker],
    );
    if (!running) return false;
    try {
      await this.dataSource.query(mariadb ? 'KILL QUERY ID ?' : 'KILL QUERY ?', [Number(running.id)]);
      return true;
    } catch (error) {
      if ((error as { driverError?: { errno?: number } }).driverError?.errno === ER_NO_SUCH_QUERY) return false;
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.owned && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
