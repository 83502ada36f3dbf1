/**
 * What the benchmarks on a seeded database share: the database, the application on it (which runs the
 * migrations) and the seed, each undone on the way out (also on failure and on Ctrl-C), and the run
 * itself with its exit code.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPassword } from '../../src/auth/password';
import { BenchDatabase, createMysqlDatabase, createSqliteDatabase } from './database';
import type { BenchOptions } from './options';
import { seed, seedPlan, StepReport } from './seed';
import { AppServer, startAppServer } from './server';

/** The password of every seeded account (hashed once, with the product's own argon2 settings). */
export const BENCH_PASSWORD = 'Bench-Api-2026!';

/** What must be undone, newest first: run once, on the way out, on failure and on Ctrl-C alike. */
export class Cleanup {
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

export const wasInterrupted = (): boolean => interrupted;

export const inSeconds = (ms: number) => (ms / 1000).toFixed(1);

export type PrepareOptions = Pick<BenchOptions, 'database' | 'directives' | 'readCacheSeconds'>;

/** The database, the application on it (which runs the migrations), and the seed; each undone by `cleanup`. */
export async function prepare(options: PrepareOptions, cleanup: Cleanup): Promise<{ database: BenchDatabase; server: AppServer; seeded: StepReport[]; seedMs: number }> {
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

/**
 * Runs a benchmark: `run` answers whether every goal was met; a miss makes the exit code 1 unless
 * `failOnMiss` is off (BENCH_REPORT_ONLY=1). Everything prepared is cleaned up however it ends.
 */
export async function runBench<O extends { failOnMiss: boolean }>(options: O, run: (options: O, cleanup: Cleanup) => Promise<boolean>, missed: string): Promise<void> {
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n收到 ${signal}，正在清理……`);
      void cleanup.run().finally(() => process.exit(130));
    });
  }
  try {
    let passed = false;
    try {
      passed = await run(options, cleanup);
    } finally {
      await cleanup.run();
    }
    if (!passed && options.failOnMiss) {
      console.error(missed);
      process.exitCode = 1;
    }
  } catch (error) {
    if (interrupted) return; // the signal's handler exits once everything is cleaned up
    console.error(error);
    process.exit(1);
  }
}
