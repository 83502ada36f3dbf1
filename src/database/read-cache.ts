import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Statements after which what this process read may be out of date: data changed, or a transaction's
 * changes became visible. SELECT, SET, SHOW, PRAGMA, START TRANSACTION, SAVEPOINT and ROLLBACK change
 * nothing another reader sees.
 */
const WRITE = /^\s*(?:\/\*.*?\*\/\s*)?(?:INSERT|UPDATE|DELETE|REPLACE|COMMIT|RELEASE|TRUNCATE|CREATE|ALTER|DROP)\b/i;

export function isWriteStatement(sql: string): boolean {
  return WRITE.test(sql);
}

/**
 * Counts the writes this process has made visible (and those other instances announced); a read taken
 * at one count is current until the next.
 */
export class WriteWatch {
  private count = 0;
  private readonly listeners: Array<() => void> = [];

  get generation(): number {
    return this.count;
  }

  /** A write of this process: its reads are stale, and so are other instances' (told by the listeners). */
  written(): void {
    this.count += 1;
    for (const listener of this.listeners) listener();
  }

  /** Another instance wrote: this process's reads are stale. */
  writtenElsewhere(): void {
    this.count += 1;
  }

  onWritten(listener: () => void): void {
    this.listeners.push(listener);
  }
}

interface Entry<V> {
  value: Promise<V>;
  generation: number;
  expiresAt: number;
  /** A read to replace this entry is under way (`refreshAhead`). */
  refreshing?: boolean;
}

export interface ReadCacheOptions {
  /**
   * For reads that take long (the board's figures): once an entry has merely expired — nothing was
   * written since — it is still answered for up to another `ttlMs` while one read replaces it, so a
   * request never waits for a refresh only the clock asked for. After a write, it waits as always.
   */
  refreshAhead?: boolean;
}

/**
 * Reads that many requests repeat within seconds — a list's capped count, who a token speaks for —
 * answered from memory. An entry is dropped as soon as this process writes anything (`WriteWatch`), so
 * a person always sees the effect of their own change; what another instance writes shows after at
 * most `ttlMs`. Requests asking for the same key at once share one database read.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly writes: WriteWatch,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly options: ReadCacheOptions = {},
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const generation = this.writes.generation;
    const now = this.now();
    const entry = this.entries.get(key);
    // Most recently read last, so that the first entry is the one to drop when full.
    this.entries.delete(key);
    if (entry && entry.generation === generation && entry.expiresAt > now) {
      this.entries.set(key, entry);
      return entry.value;
    }
    if (entry && entry.generation === generation && this.options.refreshAhead && now < entry.expiresAt + this.ttlMs) {
      this.entries.set(key, entry);
      if (!entry.refreshing) this.refresh(key, entry, load);
      return entry.value;
    }
    const value = load();
    this.entries.set(key, { value, generation, expiresAt: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Reads an expired entry again in the background; it takes the entry's place unless something else did first. */
  private refresh(key: string, entry: Entry<V>, load: () => Promise<V>): void {
    entry.refreshing = true;
    const generation = this.writes.generation;
    const value = load();
    value.then(
      () => {
        if (this.entries.get(key) === entry) this.entries.set(key, { value, generation, expiresAt: this.now() + this.ttlMs });
      },
      () => {
        entry.refreshing = false;
      },
    );
  }
}

const watches = new WeakMap<DataSource, WriteWatch>();
const WATCHED = Symbol('writes watched');

/**
 * The writes of this data source's connections. TypeORM has no hook on every statement (query builder
 * updates and raw SQL bypass subscribers), so each query runner's `query` is wrapped as the driver
 * creates it; transactions commit through it too. SQLite's driver hands out one runner: wrapped once.
 */
export function watchWrites(dataSource: DataSource): WriteWatch {
  const existing = watches.get(dataSource);
  if (existing) return existing;
  const watch = new WriteWatch();
  watches.set(dataSource, watch);
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode) as QueryRunner & { [WATCHED]?: true };
    if (runner[WATCHED]) return runner;
    runner[WATCHED] = true;
    const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
    runner.query = (async (sql: string, ...rest: unknown[]) => {
      if (!isWriteStatement(sql)) return query(sql, ...rest);
      try {
        return await query(sql, ...rest);
      } finally {
        // Also after a failure: a statement may have changed rows before failing.
        watch.written();
      }
    }) as QueryRunner['query'];
    return runner;
  };
  return watch;
}

/** The write watch of a data source, when the application installed one (tests of bare data sources have none). */
export function writesOf(dataSource: DataSource): WriteWatch | undefined {
  return watches.get(dataSource);
}
