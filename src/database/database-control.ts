import { OnApplicationShutdown } from '@nestjs/common';
import { DataSource, DataSourceOptions, EntityManager } from 'typeorm';
import { isMysqlFamily } from './server-flavour';

/** Connections of its own: the health check's statements run side by side. */
const CONTROL_CONNECTIONS = 2;

/**
 * A small pool of its own beside the application's, for what must not wait in the application's pool
 * behind the very queries that make it slow: the health check (a load balancer would otherwise take
 * every instance out when the pool is busy). It has the application's entities and settings, so its
 * manager runs the same repository code. On SQLite there is no pool to wait in (one connection, each statement run synchronously), so it
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

  async onApplicationShutdown(): Promise<void> {
    if (this.owned && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
