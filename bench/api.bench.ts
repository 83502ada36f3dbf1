/**
 * npm run bench:api — the lists at a province's volume. Seeds a database of its own by SQL in bulk
 * (100 000 directives, 400 000 assignments, about 1 000 000 progress reports, notices, rectification
 * items, inboxes, the approval queue: see api/seed.ts) after the application's migrations, signs in as
 * the office, a leader and a unit contact, and measures every list of api/endpoints.ts: the median of
 * single requests, then autocannon's load. Prints a table, then one line of JSON; exits non-zero when a
 * list misses its goal. The database (or SQLite file) is removed afterwards, also on failure or Ctrl-C.
 *
 *   npm run bench:api                   MariaDB of the machine (127.0.0.1:3306, root)
 *   npm run bench:api -- --sqlite       SQLite, 20 000 directives
 *   (settings: api/options.ts)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../src/auth/password';
import { BenchDatabase, createMysqlDatabase, createSqliteDatabase } from './api/database';
import { Endpoint, ENDPOINTS, Persona } from './api/endpoints';
import { headersFor, load, LoadOptions, Session, settle, signIn, singleRequests, watchHealth } from './api/measure';
import { BenchOptions, readOptions } from './api/options';
import { misses, printTable, Row, summary } from './api/report';
import { BENCH_ACCOUNTS, seed, seedPlan, StepReport } from './api/seed';
import { BENCH_UNIT_SHORT_NAME } from './api/vocabulary';
import { AppServer, startAppServer } from './api/server';

/** The password of every seeded account (hashed once, with the product's own argon2 settings). */
const BENCH_PASSWORD = 'Bench-Api-2026!';

/** What must be undone, newest first: run once, on the way out, on failure and on Ctrl-C alike. */
class Cleanup {
  private readonly steps: (() => Promise<unknown>)[] = [];
  private running: Promise<void> | null = null;

  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    return (this.running ??= this.undo());
  }

  private async undo(): Promise<void> {
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      await step().catch((error: unknown) => console.error(`清理失败：${(error as Error).message}`));
    }
  }
}

/** Set by Ctrl-C (or SIGTERM): what fails after it is the interruption, not an error to report. */
let interrupted = false;

const inSeconds = (ms: number) => (ms / 1000).toFixed(1);

/** The database, the application on it (which runs the migrations), and the seed; each undone by `cleanup`. */
async function prepare(options: BenchOptions, cleanup: Cleanup): Promise<{ database: BenchDatabase; server: AppServer; seeded: StepReport[]; seedMs: number }> {
  const workDir = await mkdtemp(join(tmpdir(), 'dbs-bench-api-'));
  cleanup.add(() => rm(workDir, { recursive: true, force: true }));
  const database = options.database === 'mysql' ? await createMysqlDatabase() : createSqliteDatabase(workDir);
  cleanup.add(() => database.remove());
  console.log(`数据库：${database.label}`);

  const server = await startAppServer(
    // The background upkeep (reminders, deliveries, listing rules) is not what is measured here: its poll is set past the run.
    // READ_CACHE_SECONDS=0 measures every request reading its count, as if no two people asked the same list.
    { ...database.appEnv, JWT_SECRET: randomBytes(32).toString('hex'), SEED_DEMO: 'false', LOG_LEVEL: 'warn', JOBS_POLL_SECONDS: '3600', UPLOAD_DIR: join(workDir, 'uploads'), ...(options.readCacheSeconds === null ? {} : { READ_CACHE_SECONDS: String(options.readCacheSeconds) }) },
    join(workDir, 'app.log'),
  );
  cleanup.add(() => server.stop());
  console.log(`应用已启动（已执行迁移）：${server.baseUrl}`);

  console.log(`准备数据：${options.directives} 项督办事项……`);
  const plan = seedPlan(database.dialect, options.directives, new Date(), await hashPassword(BENCH_PASSWORD));
  const started = performance.now();
  const seeded = await seed(plan, (sql) => database.execute(sql), (sql) => database.query(sql), (step) => console.log(`  ${step.table.padEnd(20)} ${String(step.rows).padStart(9)} 行  ${inSeconds(step.ms).padStart(6)} 秒`));
  const seedMs = performance.now() - started;
  console.log(`准备数据用时 ${inSeconds(seedMs)} 秒`);
  return { database, server, seeded, seedMs };
}

async function signInAll(server: AppServer, database: BenchDatabase): Promise<Record<Persona, Session>> {
  const [contact] = await database.query<{ username: string }>(
    `SELECT u.username FROM users u JOIN units n ON n.id = u.unit_id WHERE u.role = 'unit' AND n.short_name = '${BENCH_UNIT_SHORT_NAME}'`,
  );
  return {
    office: await signIn(server.baseUrl, BENCH_ACCOUNTS.office, BENCH_PASSWORD),
    leader: await signIn(server.baseUrl, BENCH_ACCOUNTS.leader, BENCH_PASSWORD),
    unit: await signIn(server.baseUrl, contact.username, BENCH_PASSWORD),
  };
}

/** Single requests (and the check that the answer is real), a warm-up, then the load with /health watched. */
async function measure(endpoint: Endpoint, server: AppServer, database: BenchDatabase, sessions: Record<Persona, Session>, options: LoadOptions): Promise<Row> {
  const url = server.baseUrl + endpoint.path;
  const headers = headersFor(endpoint, sessions);
  await settle(database, server.baseUrl, options);
  const single = await singleRequests(url, headers, endpoint, options);
  // A wrong answer makes load figures meaningless; no answer at all (timeouts) is what the load then shows.
  if (single.problem && single.answered > 0) return { endpoint, single, load: null, health: null, stoppedStatements: 0 };
  let stoppedStatements = 0;
  if (options.warmupSeconds > 0) {
    await load(url, headers, options, options.warmupSeconds);
    stoppedStatements += await settle(database, server.baseUrl, options);
  }
  const health = watchHealth(server.baseUrl);
  const result = await load(url, headers, options, options.seconds);
  const healthResult = await health.stop();
  stoppedStatements += await settle(database, server.baseUrl, options);
  return { endpoint, single, load: result, health: healthResult, stoppedStatements };
}

async function measureAll(endpoints: readonly Endpoint[], server: AppServer, database: BenchDatabase, options: BenchOptions): Promise<Row[]> {
  const sessions = await signInAll(server, database);
  console.log(`测量 ${endpoints.length} 个列表：每个先单次请求 ${options.singleRequests} 次，预热 ${options.warmupSeconds} 秒，再以 ${options.connections} 个连接加载 ${options.seconds} 秒`);
  const rows: Row[] = [];
  try {
    for (const endpoint of endpoints) {
      const row = await measure(endpoint, server, database, sessions, options);
      rows.push(row);
      const missed = misses(row);
      console.log(`  ${endpoint.name}: 单次 ${row.single.medianMs.toFixed(1)} ms，p99 ${row.load?.p99Ms ?? '—'} ms${missed.length ? `（未达标：${missed.join('、')}）` : ''}`);
    }
  } catch (error) {
    if (!interrupted) console.error(`应用日志的最后几行：\n${await server.logTail()}`);
    throw error;
  }
  return rows;
}

/** Prints the table and the line of JSON; answers whether every list met its goal. */
async function run(options: BenchOptions, cleanup: Cleanup): Promise<boolean> {
  const { database, server, seeded, seedMs } = await prepare(options, cleanup);
  // The machine may be shared: its load average before and after says how far the figures can be trusted.
  const loadBefore = loadavg()[0];
  const endpoints = ENDPOINTS.filter((e) => !options.only || options.only.test(e.name));
  const rows = await measureAll(endpoints, server, database, options);
  const loadAfter = loadavg()[0];
  console.log(`\n本机 ${cpus().length} 核，测量期间平均负载：开始 ${loadBefore.toFixed(1)}，结束 ${loadAfter.toFixed(1)}`);
  printTable(rows);
  const rowsOf = (table: string) => seeded.find((s) => s.table === table)?.rows ?? 0;
  const context = {
    benchmark: 'api',
    database: options.database,
    directives: rowsOf('directives'),
    assignments: rowsOf('assignments'),
    progressReports: rowsOf('progress_reports'),
    seedSeconds: Number(inSeconds(seedMs)),
    connections: options.connections,
    seconds: options.seconds,
    cores: cpus().length,
    loadAverage: [Number(loadBefore.toFixed(1)), Number(loadAfter.toFixed(1))],
  };
  console.log(summary(context, rows));
  return rows.every((row) => misses(row).length === 0);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n收到 ${signal}，正在清理……`);
      void cleanup.run().finally(() => process.exit(130));
    });
  }
  let passed = false;
  try {
    passed = await run(options, cleanup);
  } finally {
    await cleanup.run();
  }
  if (!passed && options.failOnMiss) {
    console.error('有列表未达到目标（BENCH_REPORT_ONLY=1 时仅报告、不以失败退出）。');
    process.exitCode = 1;
  }
}

void main().catch((error: unknown) => {
  if (interrupted) return; // the signal's handler exits once everything is cleaned up
  console.error(error);
  process.exit(1);
});
