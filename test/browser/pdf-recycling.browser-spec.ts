import puppeteer, { Browser } from 'puppeteer';
import { loadConfig } from '../../src/config/app-config';
import { layOutNotice } from '../../src/notices/notice-layout';
import { NoticeTemplates } from '../../src/notices/notice-templates';
import { PdfRenderer } from '../../src/notices/pdf-renderer.service';
import { COLLECT_EVERY } from '../../src/notices/render-recycling';
import { FRAME, SUPERVISION } from '../support/notice-samples';
import { pdfPages, pdfText } from '../support/pdf-tools';
import { OwnProcess, processTree, stillAliveAfter } from '../support/processes';

describe('the PDF renderer replaces its browser without losing a render', () => {
  const templates = new NoticeTemplates();
  const notice = (i: number) => templates.html('supervision_notice', { ...FRAME, number: `云反诈办督〔2026〕${i + 1}号` }, SUPERVISION);
  let launch: jest.SpyInstance;
  let renderer: PdfRenderer;

  /** The browsers the renderer launched, in order. */
  function launched(): Promise<Browser[]> {
    return Promise.all(launch.mock.results.map(({ value }) => value as Promise<Browser>));
  }

  beforeEach(() => {
    launch = jest.spyOn(puppeteer, 'launch');
  });
  afterEach(async () => {
    await renderer.onApplicationShutdown();
    launch.mockRestore();
  });

  it('after its share of renders: 7 notices at once, 2 pages, a new browser every 3, each PDF whole and its own', async () => {
    renderer = new PdfRenderer(loadConfig({ PDF_PAGES: '2', PDF_RECYCLE_AFTER: '3', PDF_TIMEOUT_SECONDS: '30' }));
    // The processes of each browser running when a render ends, to check afterwards that nothing of the replaced ones is left.
    const seen = new Map<number, OwnProcess[]>();
    const capture = async () => {
      for (const pid of await renderer.browserPids()) seen.set(pid, [...(seen.get(pid) ?? []), ...processTree(pid)]);
    };
    const pdfs = await Promise.all(Array.from({ length: 7 }, (_, i) => renderer.render(notice(i), layOutNotice).then(async (pdf) => (await capture(), pdf))));
    pdfs.forEach((pdf, i) => {
      expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
      expect(pdfText(pdf)).toContain(`云反诈办督〔2026〕${i + 1}号`);
    });
    // 3 + 3 + 1: launched three times, restarted twice.
    const browsers = await launched();
    expect(browsers).toHaveLength(3);
    const [first, second, last] = browsers.map((browser) => browser.process()!.pid!);
    expect(new Set([first, second, last]).size).toBe(3);
    // The two replaced are gone with all their processes; the last one renders on.
    expect(seen.get(first)?.length).toBeGreaterThan(1);
    expect(seen.get(second)?.length).toBeGreaterThan(1);
    expect(await stillAliveAfter([...seen.get(first)!, ...seen.get(second)!])).toEqual([]);
    expect(await renderer.browserPids()).toEqual([last]);
    expect(pdfText(await renderer.render(notice(7)))).toContain('云反诈办督〔2026〕8号');
    expect(launch).toHaveBeenCalledTimes(3);
  });

  it('when its private memory passes the limit, read after each page collects its garbage', async () => {
    // A limit below what any browser holds: each reading replaces it.
    renderer = new PdfRenderer(loadConfig({ PDF_PAGES: '1', PDF_BROWSER_MAX_MB: '64', PDF_TIMEOUT_SECONDS: '30' }));
    const renders = COLLECT_EVERY * 2 + 1;
    for (let i = 0; i < renders; i++) expect(pdfText(await renderer.render(notice(i)))).toContain(`云反诈办督〔2026〕${i + 1}号`);
    // Read after the 20th and the 40th: the 21st and the 41st rendered on new browsers.
    expect(launch).toHaveBeenCalledTimes(3);
    const [first, second, last] = await launched();
    expect(first.connected).toBe(false);
    expect(second.connected).toBe(false);
    expect(last.connected).toBe(true);
  });
});
