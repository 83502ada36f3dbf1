/**
 * The benchmark's result: each list against its goal (p99 under load, the single request's median, no
 * errors, a real answer), printed as a table, and the one line of JSON that ends the output.
 */
import { DEFAULT_GOAL, Endpoint } from './endpoints';
import type { LoadResult, SingleResult } from './measure';

export interface Row {
  endpoint: Endpoint;
  single: SingleResult;
  /** null when the answer was not real: load figures would mean nothing. */
  load: LoadResult | null;
  health: { maxMs: number; failures: number } | null;
  /** Statements still running after the load that had to be stopped. */
  stoppedStatements: number;
}

/** The goals a row misses, in a word each; empty when it meets them all. */
export function misses(row: Row): string[] {
  const goal = row.endpoint.goal ?? DEFAULT_GOAL;
  const missed: string[] = [];
  if (row.single.problem) missed.push(`答复不对：${row.single.problem}`);
  if (row.single.medianMs >= goal.singleMs) missed.push('单次');
  if (row.load) {
    if (row.load.p99Ms === null || row.load.p99Ms >= goal.p99Ms) missed.push('p99');
    if (row.load.non2xx + row.load.errors + row.load.timeouts > 0) missed.push('错误');
  }
  return missed;
}

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value < 10 ? value.toFixed(1) : String(Math.round(value)));
const num = (value: number | undefined) => (value === undefined ? '—' : String(value));

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u2e80-\uffef]/.test(char) ? 2 : 1;
  return columns;
}
const padEnd = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));
const padStart = (text: string, columns: number) => ' '.repeat(Math.max(0, columns - width(text))) + text;

const HEADERS = ['列表', '字节', '单次ms', 'req/s', 'p50', 'p99', '非2xx', '错误', '超时', 'health最慢ms', '结果'];

export function printTable(rows: readonly Row[]): void {
  const lines = rows.map((row) => {
    const missed = misses(row);
    return [
      row.endpoint.label,
      String(row.single.bytes),
      `${ms(row.single.medianMs)}${row.single.timeouts ? `（${row.single.timeouts}次超时）` : ''}`,
      row.load ? row.load.requestsPerSecond.toFixed(1) : '—',
      ms(row.load?.p50Ms),
      ms(row.load?.p99Ms),
      num(row.load?.non2xx),
      num(row.load?.errors),
      num(row.load?.timeouts),
      row.health ? `${ms(row.health.maxMs)}${row.health.failures ? `（${row.health.failures}次失败）` : ''}` : '—',
      missed.length === 0 ? '达标' : `未达标：${missed.join('、')}${row.stoppedStatements ? `；负载后仍有 ${row.stoppedStatements} 条语句在执行，已中止` : ''}`,
    ];
  });
  const widths = HEADERS.map((header, i) => Math.max(width(header), ...lines.map((line) => width(line[i]))));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? padEnd(cell, widths[i]) : padStart(cell, widths[i]))).join('  ');
  console.log(format(HEADERS));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}

/** The one line of JSON: the run's context, each list's figures and whether every goal is met. */
export function summary(context: Record<string, unknown>, rows: readonly Row[]): string {
  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
  return JSON.stringify({
    ...context,
    pass: rows.every((row) => misses(row).length === 0),
    endpoints: rows.map((row) => ({
      name: row.endpoint.name,
      bytes: row.single.bytes,
      singleMs: round(row.single.medianMs),
      singleTimeouts: row.single.timeouts,
      requestsPerSecond: round(row.load?.requestsPerSecond),
      p50Ms: round(row.load?.p50Ms),
      p99Ms: round(row.load?.p99Ms),
      completed: row.load?.completed ?? null,
      non2xx: row.load?.non2xx ?? null,
      errors: row.load?.errors ?? null,
      timeouts: row.load?.timeouts ?? null,
      healthMaxMs: round(row.health?.maxMs),
      stoppedStatements: row.stoppedStatements,
      problem: row.single.problem,
      misses: misses(row),
    })),
  });
}
