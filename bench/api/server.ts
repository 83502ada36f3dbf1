/**
 * The application under measurement, in a process of its own (test/support/worker-process.ts: createApp
 * with loadConfig, listening on PORT), so that the load generator never shares its event loop. Starting
 * it runs the migrations on the benchmark's database.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export interface AppServer {
  baseUrl: string;
  /** Its process, whose memory a benchmark may watch. */
  pid: number;
  /** The last lines it wrote (its log goes to a file beside the database), for a failure's report. */
  logTail(lines?: number): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts the application with `env` as its whole configuration and waits until it listens. */
export async function startAppServer(env: Record<string, string>, logFile: string): Promise<AppServer> {
  const port = await freePort();
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['-r', './scripts/ts-register.js', 'test/support/worker-process.ts'], {
    cwd: ROOT,
    // Nothing of this shell's configuration (a REDIS_URL, a DATABASE_URL) reaches it: only what is given.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stop = () => stopChild(child);
  const logTail = async (lines = 20) => (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-lines).join('\n');
  try {
    await ready(child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${await logTail()}`);
  }
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid!, logTail, stop };
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The application did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (/^ready$/m.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The application exited during start (code ${code})`));
    });
  });
}

/** Asks it to shut down as a service manager would; kills it if it has not ended in time. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await ended;
  clearTimeout(timer);
}
