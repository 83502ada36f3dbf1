/**
 * npm run bench:pdf -- --soak 5000 — renders that many notices through the product's renderer, as the
 * job runner does (one after another on each of the renderer's pages, its queue never empty), and prints
 * every SOAK_EVERY renders the resident memory of this process and of its Chromium, with the rate.
 * Ends with whether memory stayed flat over the second half, and exits non-zero if it grew or a render
 * failed.
 *
 *   PDF_RECYCLE_AFTER=… PDF_PAGES=… npm run bench:pdf -- --soak 5000   (the renderer's settings, as the service reads them)
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/app-config';
import { layOutNotice } from '../src/notices/notice-layout';
import { NoticeTemplates } from '../src/notices/notice-templates';
import { PdfRenderer } from '../src/notices/pdf-renderer.service';
import { CIRCULAR, FRAME, SUPERVISION } from '../test/support/notice-samples';
import { sealPng } from '../test/support/png';
import { FLAT_TOLERANCE, memoryTrend, resident, Resident } from './memory';

const EVERY = Number(process.env.SOAK_EVERY ?? 250);

const SEAL = `data:image/png;base64,${sealPng({ width: 400, height: 400 }).toString('base64')}`;
const PROSE = '请对照督办要求逐项核查，明确责任人和完成时限，按期报送办理进展，确保工作落实到位。';

/**
 * Notices as issued: sealed supervision notices, each with its own number and a requirement of its own
 * length (one or two pages), and every tenth a circular listing 5 to 40 lagging items (up to four pages).
 */
function notices(templates: NoticeTemplates): (i: number) => string {
  return (i) => {
    const frame = { ...FRAME, seal: SEAL, number: `云反诈办督〔2026〕${i + 1}号` };
    if (i % 10 === 9) return templates.html('circular', { ...frame, title: '关于督办事项办理情况的通报', addressee: '各成员单位' }, CIRCULAR(5 + (i % 36)));
    return templates.html('supervision_notice', frame, { ...SUPERVISION, requirement: PROSE.repeat(1 + (i % 17)) });
  };
}

const totalMb = (memory: Resident) => memory.nodeMb + memory.chromiumMb;

export async function soak(count: number): Promise<boolean> {
  if (!Number.isInteger(count) || count < EVERY * 4) throw new Error(`--soak 需要至少 ${EVERY * 4} 次（每 ${EVERY} 次采样一次，后半程两个四分之一各有采样）`);
  // The renderer's settings as the service reads them, and nothing else of this shell's environment.
  const config = loadConfig(Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('PDF_') || name === 'CHROMIUM_PATH')));
  const renderer = new PdfRenderer(config);
  const notice = notices(new NoticeTemplates());
  const pids = () => renderer.browserPids();
  console.log(`浸泡测试：${count} 份通知书，${config.pdf.chromiumPath}，${config.pdf.pages} 个页面并发，每 ${config.pdf.recycleAfter} 次或私有内存超过 ${config.pdf.browserMaxMb} MB 时更换浏览器；每 ${EVERY} 次采样`);

  await renderer.render(notice(0), layOutNotice); // the browser's start is not part of the rate
  const samples: { renders: number; memory: Resident; perSecond: number | null }[] = [];
  const print = ({ renders, memory, perSecond }: (typeof samples)[number]) =>
    console.log(`${String(renders).padStart(6)} 次  Node ${String(memory.nodeMb).padStart(4)} MB  Chromium ${String(memory.chromiumMb).padStart(5)} MB（${memory.chromiumProcesses} 个进程，私有 ${String(memory.chromiumPrivateMb).padStart(4)} MB）  合计 ${String(totalMb(memory)).padStart(5)} MB  ${perSecond?.toFixed(1) ?? '—'} 份/秒`);
  samples.push({ renders: 0, memory: await resident(pids), perSecond: null });
  print(samples[0]);

  const start = performance.now();
  let since = start;
  let next = 0;
  let done = 0;
  let failed = 0;
  // Twice as many callers as pages: the renderer's queue always holds the next render, as under load.
  const callers = Array.from({ length: config.pdf.pages * 2 }, async () => {
    while (next < count) {
      const i = next++;
      try {
        const pdf = await renderer.render(notice(i), layOutNotice);
        if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`第 ${i + 1} 份不是 PDF`);
      } catch (error) {
        failed += 1;
        console.error(`第 ${i + 1} 份失败：${(error as Error).message}`);
      }
      done += 1;
      if (done % EVERY === 0) {
        const now = performance.now();
        const sample = { renders: done, memory: await resident(pids), perSecond: EVERY / ((now - since) / 1000) };
        since = now;
        samples.push(sample);
        print(sample);
      }
    }
  });
  await Promise.all(callers);
  const seconds = (performance.now() - start) / 1000;
  await renderer.onApplicationShutdown();

  const trend = memoryTrend(samples.map((s) => totalMb(s.memory)), FLAT_TOLERANCE);
  const at = ({ renders, memory }: (typeof samples)[number]) => ({ renders, ...memory, totalMb: totalMb(memory) });
  const half = samples.find((s) => s.renders >= count / 2)!;
  const rate = count / seconds;
  console.log(`${count} 份 ${seconds.toFixed(0)} 秒，${rate.toFixed(1)} 份/秒；失败 ${failed} 份`);
  console.log(
    `后半程内存${trend.flat ? '平稳' : '增长'}：最后四分之一均值 ${trend.lastQuarterMeanMb} MB，第三个四分之一均值 ${trend.thirdQuarterMeanMb} MB（容差 ${trend.allowanceMb} MB，即 ${FLAT_TOLERANCE * 100}%）`,
  );
  console.log(
    JSON.stringify({
      soak: count,
      every: EVERY,
      pages: config.pdf.pages,
      recycleAfter: config.pdf.recycleAfter,
      browserMaxMb: config.pdf.browserMaxMb,
      perSecond: Number(rate.toFixed(1)),
      failed,
      start: at(samples[0]),
      half: at(half),
      end: at(samples[samples.length - 1]),
      peakMb: Math.max(...samples.map((s) => totalMb(s.memory))),
      ...trend,
      tolerance: FLAT_TOLERANCE,
    }),
  );
  return trend.flat && failed === 0;
}
