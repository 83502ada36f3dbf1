/**
 * npm run bench:ledger — the 台账 downloaded as Excel at a province's volume, in bounded memory. Seeds a
 * database of its own as bench:api does (100 000 directives, 400 000 assignments, their reports, notices
 * and rectification items: see api/seed.ts), signs in as the office and a unit contact, and downloads
 * each export while the application's resident memory (RSS of its process) is read every 100 ms. Prints
 * rows, size, time and peak memory per export, then one line of JSON; exits non-zero when an export
 * passes 300 MB (BENCH_REPORT_ONLY=1: report only).
 *
 *   npm run bench:ledger                   MariaDB of the machine (127.0.0.1:3306, root), 100 000 directives
 *   npm run bench:ledger -- --sqlite       SQLite, 20 000 directives (BENCH_DIRECTIVES=… for another volume)
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { processTree, residentKb } from '../src/common/processes';
import { BenchOptions, readOptions } from './api/options';
import { BENCH_PASSWORD, Cleanup, inSeconds, prepare, runBench } from './api/run';
import { BENCH_ACCOUNTS } from './api/seed';
import { signIn } from './api/measure';
import type { BenchDatabase } from './api/database';
import { BENCH_UNIT_SHORT_NAME } from './api/vocabulary';

/** The issue's bound on the application's resident memory while a 400 000-row ledger downloads. */
const MAX_RSS_MB = 300;
const SAMPLE_MS = 100;

interface Download {
  name: string;
  path: string;
  as: 'office' | 'unit';
  /** The data rows the file holds (all its sheets), counted in the database. */
  rows: (database: BenchDatabase) => Promise<number>;
}

const count = async (database: BenchDatabase, sql: string) => Number((await database.query<{ n: number | string }>(sql))[0].n);

const DOWNLOADS: Download[] = [
  { name: '督办事项台账（协调办，全部）', path: '/api/ledger/directives.xlsx', as: 'office', rows: async (db) => (await count(db, 'SELECT COUNT(*) AS n FROM directives')) + (await count(db, 'SELECT COUNT(*) AS n FROM assignments')) },
  {
    name: '督办事项台账（成员单位，本单位）',
    path: '/api/ledger/directives.xlsx',
    as: 'unit',
    rows: (db) => count(db, `SELECT COUNT(*) * 2 AS n FROM assignments a JOIN units u ON u.id = a.unit_id WHERE u.short_name = '${BENCH_UNIT_SHORT_NAME}'`),
  },
  { name: '整改事项台账', path: '/api/ledger/rectifications.xlsx', as: 'office', rows: (db) => count(db, 'SELECT COUNT(*) AS n FROM rectification_items') },
  { name: '公文通知签收台账', path: '/api/ledger/notices.xlsx', as: 'office', rows: (db) => count(db, 'SELECT COUNT(*) AS n FROM notice_recipients') },
];

interface Figures {
  name: string;
  rows: number;
  megabytes: number;
  seconds: number;
  peakRssMb: number;
}

const rssMb = (pid: number) => residentKb(processTree(pid)).rss / 1024;

/** Downloads one export to nowhere, counting its bytes, while the application's memory is sampled. */
async function download(url: string, headers: Record<string, string>, pid: number): Promise<Omit<Figures, 'name' | 'rows'>> {
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), SAMPLE_MS);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers });
    if (response.status !== 200 || !response.body) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let head: Uint8Array | null = null;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      head ??= chunk;
      bytes += chunk.byteLength;
    }
    // A ZIP, as an .xlsx is: what streamed out is a workbook, not an error page.
    if (!head || head[0] !== 0x50 || head[1] !== 0x4b) throw new Error(`${url}: not an .xlsx`);
    return { megabytes: bytes / 1024 / 1024, seconds: (performance.now() - started) / 1000, peakRssMb: Math.max(peak, rssMb(pid)) };
  } finally {
    clearInterval(sampler);
  }
}

async function run(options: BenchOptions, cleanup: Cleanup): Promise<boolean> {
  const { database, server, seedMs } = await prepare(options, cleanup);
  const [contact] = await database.query<{ username: string }>(`SELECT u.username FROM users u JOIN units n ON n.id = u.unit_id WHERE u.role = 'unit' AND n.short_name = '${BENCH_UNIT_SHORT_NAME}'`);
  const sessions = { office: await signIn(server.baseUrl, BENCH_ACCOUNTS.office, BENCH_PASSWORD), unit: await signIn(server.baseUrl, contact.username, BENCH_PASSWORD) };
  const idleMb = rssMb(server.pid);
  console.log(`应用空闲时常驻内存 ${idleMb.toFixed(0)} MB；逐个下载，每 ${SAMPLE_MS} ms 读一次应用进程的常驻内存（RSS）`);
  const figures: Figures[] = [];
  for (const d of DOWNLOADS) {
    const rows = await d.rows(database);
    const measured = await download(server.baseUrl + d.path, sessions[d.as].api, server.pid);
    figures.push({ name: d.name, rows, ...measured });
    console.log(`  ${d.name}: ${rows} 行，${measured.megabytes.toFixed(1)} MB，${measured.seconds.toFixed(1)} 秒，峰值 ${measured.peakRssMb.toFixed(0)} MB${measured.peakRssMb > MAX_RSS_MB ? `（超过 ${MAX_RSS_MB} MB）` : ''}`);
  }
  console.log('\n导出'.padEnd(24) + '行数'.padStart(10) + '大小 MB'.padStart(10) + '用时 秒'.padStart(10) + '行/秒'.padStart(10) + '峰值 RSS MB'.padStart(12));
  for (const f of figures) {
    console.log(f.name.padEnd(22) + String(f.rows).padStart(10) + f.megabytes.toFixed(1).padStart(10) + f.seconds.toFixed(1).padStart(10) + String(Math.round(f.rows / f.seconds)).padStart(10) + f.peakRssMb.toFixed(0).padStart(12));
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(JSON.stringify({ benchmark: 'ledger', database: options.database, directives: options.directives, seedSeconds: Number(inSeconds(seedMs)), idleRssMb: round(idleMb), maxRssMb: MAX_RSS_MB, exports: figures.map((f) => ({ ...f, megabytes: round(f.megabytes), seconds: round(f.seconds), peakRssMb: round(f.peakRssMb) })) }));
  return figures.every((f) => f.peakRssMb <= MAX_RSS_MB);
}

void runBench(readOptions(process.argv.slice(2), process.env), run, `有导出的常驻内存超过 ${MAX_RSS_MB} MB（BENCH_REPORT_ONLY=1 时仅报告、不以失败退出）。`);
