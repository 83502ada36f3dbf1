/**
 * The benchmark's settings, from the command line and the environment:
 *
 *   npm run bench:api                       MariaDB, 100 000 directives
 *   npm run bench:api -- --sqlite           SQLite, 20 000 directives (or BENCH_DB=sqlite)
 *   BENCH_DIRECTIVES=10000                  another volume (a multiple of 100)
 *   BENCH_CONNECTIONS=50 BENCH_SECONDS=15   the load; BENCH_WARMUP_SECONDS=3 before it
 *   BENCH_SINGLE=20                         requests one at a time, whose median is the single latency
 *   BENCH_TIMEOUT_SECONDS=10                a request not answered by then counts as a timeout
 *   BENCH_SETTLE_SECONDS=60                 how long a list's leftover statements may run before they are stopped
 *   BENCH_ONLY=regex                        only the endpoints whose name matches
 *   BENCH_REPORT_ONLY=1                     exit 0 even when a goal is missed (exploratory runs)
 *   READ_CACHE_SECONDS=0                    the application's setting: 0 reads every count and sign-in check
 */
import type { DatabaseKind } from './sql';
import type { LoadOptions } from './measure';

export interface BenchOptions extends LoadOptions {
  database: DatabaseKind;
  directives: number;
  only: RegExp | null;
  failOnMiss: boolean;
  /** Passed to the application when set; its own default otherwise. */
  readCacheSeconds: number | null;
}

const DEFAULT_DIRECTIVES: Record<DatabaseKind, number> = { mysql: 100_000, sqlite: 20_000 };

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, not ${raw}`);
  return value;
}

export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const unknown = argv.filter((arg) => arg !== '--sqlite');
  if (unknown.length > 0) throw new Error(`Unknown argument ${unknown.join(' ')} (the one argument is --sqlite)`);
  const kind = argv.includes('--sqlite') ? 'sqlite' : (env.BENCH_DB ?? 'mysql');
  if (kind !== 'mysql' && kind !== 'sqlite') throw new Error(`BENCH_DB must be mysql or sqlite, not ${kind}`);
  return {
    database: kind,
    directives: count(env, 'BENCH_DIRECTIVES', DEFAULT_DIRECTIVES[kind], 100),
    connections: count(env, 'BENCH_CONNECTIONS', 50, 1),
    seconds: count(env, 'BENCH_SECONDS', 15, 1),
    warmupSeconds: count(env, 'BENCH_WARMUP_SECONDS', 3, 0),
    timeoutSeconds: count(env, 'BENCH_TIMEOUT_SECONDS', 10, 1),
    singleRequests: count(env, 'BENCH_SINGLE', 20, 1),
    singleBudgetMs: 15_000,
    settleSeconds: count(env, 'BENCH_SETTLE_SECONDS', 60, 1),
    only: env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY) : null,
    failOnMiss: !['1', 'true'].includes(env.BENCH_REPORT_ONLY ?? ''),
    readCacheSeconds: env.READ_CACHE_SECONDS ? count(env, 'READ_CACHE_SECONDS', 0, 0) : null,
  };
}
