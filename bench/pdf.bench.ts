/**
 * npm run bench:pdf — the product's renderer against the common naive way (launch Debian's full
 * Chromium per document, lay out, render, close), and its layout's second pass against printing in one,
 * on 300 supervision notices and a 20-page circular.
 *
 *   BENCH_NOTICES=100 BENCH_NAIVE=10 npm run bench:pdf   (a smaller run)
 *   npm run bench:pdf -- --soak 5000                      (memory over a long run instead: bench/pdf-soak.ts)
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import puppeteer, { Browser } from 'puppeteer';
import { loadConfig } from '../src/config/app-config';
import { layOutNotice } from '../src/notices/notice-layout';
import { NoticeTemplates } from '../src/notices/notice-templates';
import { PdfRenderer } from '../src/notices/pdf-renderer.service';
import { CIRCULAR, FRAME, SUPERVISION } from '../test/support/notice-samples';
import { pdfPages, pdfText } from '../test/support/pdf-tools';
import { resident } from './memory';
import { soak } from './pdf-soak';

const NOTICES = Number(process.env.BENCH_NOTICES ?? 300);
const NAIVE = Number(process.env.BENCH_NAIVE ?? 30);

async function memoryMb(browserPids: () => Promise<number[]>): Promise<number> {
  const { nodeMb, chromiumMb } = await resident(browserPids);
  return nodeMb + chromiumMb;
}

async function measure<T>(work: () => Promise<T>, browserPids: () => Promise<number[]>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peakMb = await memoryMb(browserPids);
  const sampler = setInterval(() => void memoryMb(browserPids).then((mb) => (peakMb = Math.max(peakMb, mb))), 100);
  const start = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - start;
    return { result, ms, peakMb: Math.max(peakMb, await memoryMb(browserPids)) };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const templates = new NoticeTemplates();
  // A one-page body: with its distribution record on the even page after it, as the standard asks.
  const content = { ...SUPERVISION, requirement: '对涉诈高风险电话卡开展二次实人核验。', contact: '' };
  const notice = (i: number) => templates.html('supervision_notice', { ...FRAME, title: '关于督办电话卡实人核验的通知书', number: `云反诈办督〔2026〕${i + 1}号`, copyTo: [] }, content);
  const circularHtml = templates.html('circular', { ...FRAME, title: '关于督办事项办理情况的通报', addressee: '各成员单位' }, CIRCULAR(260));
  const config = loadConfig({});
  const renderer = new PdfRenderer(config);
  console.log(`渲染器：${config.pdf.chromiumPath}，${config.pdf.pages} 个页面并发`);

  await renderer.render(notice(0), layOutNotice); // the browser's start is not part of the rate
  const rendererPids = () => renderer.browserPids();
  // One pass (print as laid out) and two (measure, place the signature and distribution record, print), alternated twice.
  const rates = { one: [] as number[], two: [] as number[] };
  let product = await measure(async () => [] as Buffer[], rendererPids);
  for (const round of [1, 2]) {
    for (const passes of ['one', 'two'] as const) {
      const run = await measure(() => Promise.all(Array.from({ length: NOTICES }, (_, i) => renderer.render(notice(i), passes === 'two' ? layOutNotice : undefined))), rendererPids);
      rates[passes].push(NOTICES / (run.ms / 1000));
      if (passes === 'two' && round === 2) product = run;
    }
  }
  const onePassRate = Math.max(...rates.one);
  const productRate = Math.max(...rates.two);
  const sample = product.result[0];
  const circular = await measure(() => renderer.render(circularHtml, layOutNotice), rendererPids);
  await renderer.onApplicationShutdown();
  console.log(`本产品，一遍排版：${NOTICES} 份督办通知书 ${onePassRate.toFixed(1)} 份/秒（两轮：${rates.one.map((r) => r.toFixed(1)).join('、')}）`);
  console.log(`本产品，两遍排版（测量后安排署名与版记）：${productRate.toFixed(1)} 份/秒（两轮：${rates.two.map((r) => r.toFixed(1)).join('、')}）；第二遍耗去一遍速率的 ${((1 - productRate / onePassRate) * 100).toFixed(0)}%`);
  console.log(`单份 ${(sample.length / 1024).toFixed(0)} KB，${pdfPages(sample)} 页；峰值内存 ${product.peakMb} MB`);
  console.log(`本产品：${pdfPages(circular.result)} 页通报 ${(circular.ms / 1000).toFixed(2)} 秒，${(circular.result.length / 1024).toFixed(0)} KB`);

  let naiveBrowser: Browser | null = null;
  const naive = await measure(async () => {
    const pdfs: Buffer[] = [];
    for (let i = 0; i < NAIVE; i++) {
      const browser = (naiveBrowser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'] }));
      const page = await browser.newPage();
      await page.setContent(notice(i), { waitUntil: 'load' });
      await layOutNotice(page);
      pdfs.push(Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })));
      await browser.close();
    }
    return pdfs;
  }, async () => [naiveBrowser?.process()?.pid].filter((pid): pid is number => pid !== undefined));
  const naiveRate = NAIVE / (naive.ms / 1000);
  console.log(`常见做法（每份启动完整 Chromium）：${NAIVE} 份 ${(naive.ms / 1000).toFixed(1)} 秒，${naiveRate.toFixed(2)} 份/秒；单份 ${(naive.result[0].length / 1024).toFixed(0)} KB；峰值内存 ${naive.peakMb} MB`);

  const text = pdfText(sample);
  const extractable = text.includes(SUPERVISION.directiveTitle) && text.includes('云反诈办督〔2026〕1号');
  const ratio = productRate / naiveRate;
  console.log(`倍数：${ratio.toFixed(1)}×；中文可提取：${extractable ? '是' : '否'}`);
  console.log(
    JSON.stringify({
      notices: NOTICES,
      onePassPerSecond: Number(onePassRate.toFixed(1)),
      productPerSecond: Number(productRate.toFixed(1)),
      secondPassCost: Number((1 - productRate / onePassRate).toFixed(3)),
      naivePerSecond: Number(naiveRate.toFixed(2)),
      ratio: Number(ratio.toFixed(1)),
      onePageKb: Math.round(sample.length / 1024),
      onePagePages: pdfPages(sample),
      circularPages: pdfPages(circular.result),
      circularSeconds: Number((circular.ms / 1000).toFixed(2)),
      productPeakMb: product.peakMb,
      naivePeakMb: naive.peakMb,
      chineseExtractable: extractable,
    }),
  );
}

const soakAt = process.argv.indexOf('--soak');
const run = soakAt >= 0 ? soak(Number(process.argv[soakAt + 1] ?? 5000)).then((flat) => (process.exitCode = flat ? 0 : 1)) : main();
void run.catch((error) => {
  console.error(error);
  process.exit(1);
});
