/**
 * How one list is measured: signed in as its persona, a few requests one at a time (their median, and a
 * check that the answer is real), a short warm-up, then autocannon's load; /health is watched while the
 * load runs, and the server is let settle between lists so that one list's leftovers never slow the next.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { SESSION_COOKIE, TOKEN_COOKIE } from '../../src/auth/auth.constants';
import type { BenchDatabase } from './database';
import type { Endpoint, Persona } from './endpoints';

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** autocannon's per-request timeout, and the single requests'. */
  timeoutSeconds: number;
  singleRequests: number;
  /** The single requests stop early once they have taken this long (a slow list), after at least three. */
  singleBudgetMs: number;
  /** How long the server may take to finish a list's leftover statements before they are stopped. */
  settleSeconds: number;
}

/** Request headers for the API (Bearer token) and for pages (the same token in the session cookie). */
export interface Session {
  api: Record<string, string>;
  page: Record<string, string>;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (response.status !== 200) throw new Error(`Signing in as ${username} failed: ${response.status} ${await response.text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { api: { authorization: `Bearer ${accessToken}` }, page: { cookie: `${TOKEN_COOKIE}=${accessToken}; ${SESSION_COOKIE}=bench-${username}` } };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&#x3D;': '=', '&quot;': '"', '&#x27;': "'", '&lt;': '<', '&gt;': '>', '&#x60;': '`' };

/**
 * Where an endpoint is measured: its path, or the link its page carries (a board chart with the page's
 * filters, as the browser asks for it), read from the page as the persona sees it.
 */
export async function resolvePath(baseUrl: string, endpoint: Endpoint, headers: Record<string, string>): Promise<string> {
  if (!endpoint.linkedFrom) return endpoint.path;
  const response = await fetch(baseUrl + endpoint.linkedFrom.page, { headers, redirect: 'manual' });
  const page = await response.text();
  const link = endpoint.linkedFrom.link.exec(page)?.[1];
  if (!link) throw new Error(`${endpoint.name}: ${endpoint.linkedFrom.page} (${response.status}) has no link matching ${endpoint.linkedFrom.link}`);
  return link.replace(/&(?:amp|#x3D|quot|#x27|lt|gt|#x60);/g, (entity) => ENTITIES[entity]);
}

/** The request headers of a second visit: the first answer's ETag in If-None-Match. */
export async function revalidating(url: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  await response.arrayBuffer();
  const etag = response.headers.get('etag');
  if (!etag) throw new Error(`${url} answered ${response.status} without an ETag`);
  // A browser's reload sends max-age=0; without a Cache-Control of its own, fetch would add no-cache, for which
  // express answers in full (and autocannon sends these headers as they are).
  return { ...headers, 'if-none-match': etag, 'cache-control': 'max-age=0' };
}

export const headersFor = (endpoint: Endpoint, sessions: Record<Persona, Session>) => (endpoint.path.startsWith('/api/') ? sessions[endpoint.as].api : sessions[endpoint.as].page);

export interface SingleResult {
  /** Median of the requests, a timed-out one counting as the timeout. */
  medianMs: number;
  /** Requests that were answered in time. */
  answered: number;
  timeouts: number;
  /** Why the answer is not real (status, empty list, filter not applied), or null. */
  problem: string | null;
  /** Bytes of the last answer's body (what a page weighs on the wire, uncompressed). */
  bytes: number;
}

export async function singleRequests(url: string, headers: Record<string, string>, endpoint: Endpoint, options: LoadOptions): Promise<SingleResult> {
  const times: number[] = [];
  let timeouts = 0;
  let problem: string | null = null;
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < options.singleRequests; i++) {
    if (i >= 3 && performance.now() - started > options.singleBudgetMs) break;
    const t = performance.now();
    try {
      const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutSeconds * 1000) });
      const body = Buffer.from(await response.arrayBuffer());
      times.push(performance.now() - t);
      bytes = body.length;
      const expected = endpoint.revalidate ? 304 : 200;
      problem ??= response.status !== expected ? `状态码 ${response.status}：${body.toString('utf8').slice(0, 200)}` : expected === 200 ? endpoint.check(body.toString('utf8')) : null;
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') throw error;
      times.push(options.timeoutSeconds * 1000);
      timeouts += 1;
    }
  }
  const answered = times.length - timeouts;
  return { medianMs: median(times), answered, timeouts, bytes, problem: problem ?? (answered === 0 ? `${options.timeoutSeconds} 秒内无应答` : null) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** null when no request completed. */
  p50Ms: number | null;
  p99Ms: number | null;
  completed: number;
  non2xx: number;
  /** Connection errors other than timeouts. */
  errors: number;
  timeouts: number;
}

/** `revalidated`: the answers expected are 304 (Not Modified), which then count as right rather than non-2xx. */
export async function load(url: string, headers: Record<string, string>, options: LoadOptions, seconds: number, revalidated = false): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections: options.connections, duration: seconds, timeout: options.timeoutSeconds });
  const completed = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: completed ? result.latency.p50 : null,
    p99Ms: completed ? result.latency.p99 : null,
    completed,
    non2xx: revalidated ? completed - result['3xx'] : result.non2xx,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
  };
}

export interface HealthWatch {
  /** The slowest /health answer while watched (a request that failed or timed out counts as its wait). */
  stop(): Promise<{ maxMs: number; failures: number }>;
}

/** Asks /health every second, as a load balancer would, until stopped. */
export function watchHealth(baseUrl: string): HealthWatch {
  let maxMs = 0;
  let failures = 0;
  let stopped = false;
  const probe = async () => {
    while (!stopped) {
      const { ok, ms } = await askHealth(baseUrl);
      maxMs = Math.max(maxMs, ms);
      if (!ok) failures += 1;
      await sleep(1000);
    }
  };
  const running = probe();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return { maxMs, failures };
    },
  };
}

/**
 * Waits until the server has finished what the last list left running (statements of requests autocannon
 * abandoned) and answers /health quickly. After `settleSeconds` it stops those statements as they come
 * (the requests queued behind them then fail fast); after three times as long it gives up waiting.
 * Answers how many statements it stopped.
 */
export async function settle(database: BenchDatabase, baseUrl: string, options: LoadOptions): Promise<number> {
  const started = performance.now();
  let stopped = 0;
  for (;;) {
    if ((await database.runningStatements()) === 0) {
      const health = await askHealth(baseUrl);
      if (health.ok && health.ms < 100) return stopped;
    }
    const waited = (performance.now() - started) / 1000;
    if (waited > options.settleSeconds * 3) {
      console.warn(`  服务器 ${Math.round(waited)} 秒后仍未空闲，继续测量`);
      return stopped;
    }
    if (waited > options.settleSeconds) stopped += await database.stopStatements();
    await sleep(500);
  }
}

/** One /health request: whether it answered 200 (within 5 s), and how long it took. */
async function askHealth(baseUrl: string): Promise<{ ok: boolean; ms: number }> {
  const started = performance.now();
  const ok = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5000) })
    .then(async (response) => (await response.text(), response.status === 200))
    .catch(() => false);
  return { ok, ms: performance.now() - started };
}
