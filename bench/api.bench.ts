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
import { cpus, loadavg } from 'node:os';
import { BenchDatabase } from './api/database';
import { Endpoint, ENDPOINTS, Persona } from './api/endpoints';
import { headersFor, load, LoadOptions, resolvePath, revalidating, Session, settle, signIn, singleRequests, watchHealth } from './api/measure';
import { BenchOptions, readOptions } from './api/options';
import { misses, printTable, Row, summary } from './api/report';
import { BENCH_ACCOUNTS } from './api/seed';
import { BENCH_PASSWORD, Cleanup, inSeconds, prepare, runBench, wasInterrupted } from './api/run';
import { BENCH_UNIT_SHORT_NAME } from './api/vocabulary';
import type { AppServer } from './api/server';

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
  const url = server.baseUrl + (await resolvePath(server.baseUrl, endpoint, headersFor(endpoint, sessions)));
  const headers = endpoint.revalidate ? await revalidating(url, headersFor(endpoint, sessions)) : headersFor(endpoint, sessions);
  await settle(database, server.baseUrl, options);
  const single = await singleRequests(url, headers, endpoint, options);
  // A wrong answer makes load figures meaningless; no answer at all (timeouts) is what the load then shows.
  if (single.problem && single.answered > 0) return { endpoint, single, load: null, health: null, stoppedStatements: 0 };
  let stoppedStatements = 0;
  if (options.warmupSeconds > 0) {
    await load(url, headers, options, options.warmupSeconds, endpoint.revalidate);
    stoppedStatements += await settle(database, server.baseUrl, options);
  }
  const health = watchHealth(server.baseUrl);
  const result = await load(url, headers, options, options.seconds, endpoint.revalidate);
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
    if (!wasInterrupted()) console.error(`应用日志的最后几行：\n${await server.logTail()}`);
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

void runBench(readOptions(process.argv.slice(2), process.env), run, '有列表未达到目标（BENCH_REPORT_ONLY=1 时仅报告、不以失败退出）。');
