import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEMPLATES_DIR } from '../../src/paths';
import { createViewEngine } from '../../src/web/view-engine';
import { PageClient } from '../support/browser-session';
import { crawl, CrawlReport } from '../support/crawler';
import { startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'crawler-demo-passphrase-2026';

interface Rendered {
  file: string;
  model: Record<string, unknown>;
}

/** Keeps every page model the app renders, so each can be rendered again with its lists emptied. */
function recordRenders(app: TestApp): Rendered[] {
  const rendered: Rendered[] = [];
  const engine = createViewEngine(TEMPLATES_DIR);
  app.app.engine('hbs', (file: string, options: object, callback: (error: Error | null, html?: string) => void) => {
    rendered.push({ file, model: options as Record<string, unknown> });
    engine(file, options, callback);
  });
  return rendered;
}

/** The same model with every list in it empty: the page as a new office or a quiet unit sees it. */
function emptied(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'settings' ? inner : emptied(inner)]));
}

async function crawlAs(app: TestApp, username: string): Promise<CrawlReport> {
  const client = new PageClient(app);
  const signIn = await client.signIn(username, PASSWORD);
  expect({ username, status: signIn.status, location: signIn.headers.location }).toEqual({ username, status: 303, location: '/' });
  return crawl(client);
}

describe('every page and filter, for every role, on the demo city and on an empty installation', () => {
  const counts: Record<string, number> = {};
  afterAll(() => console.log(`pages crawled per role: ${JSON.stringify(counts)}`));

  describe('the demo city', () => {
    let app: TestApp;
    let rendered: Rendered[];
    beforeAll(async () => {
      app = await startTestApp({ SEED_DEMO: 'true', DEMO_PASSWORD: PASSWORD });
      rendered = recordRenders(app);
    });
    afterAll(() => app.close());

    it.each(['office', 'leader', 'unit-police', 'unit-telecom', 'unit-town1'])('as %s, every page answers and has the navigation', async (username) => {
      const report = await crawlAs(app, username);
      counts[username] = report.pages;
      expect(report.failures).toEqual([]);
      expect(report.pages).toBeGreaterThan(10);
      // The board's charts, images of their own, were fetched with the board's filters (each answered 200).
      const charts = [...report.visited].filter(([url]) => url.startsWith('/board/charts/'));
      expect(charts.length).toBeGreaterThan(2);
      expect(charts.every(([, status]) => status === 200)).toBe(true);
    });

    it('renders every page template it met again with every list empty', async () => {
      // No link leads to a missing page any more; one typed in does, and keeps the navigation.
      const office = new PageClient(app);
      await office.signIn('office', PASSWORD);
      const missing = await office.get('/tasks/999999');
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('class="nav"');
      expect(rendered.length).toBeGreaterThan(0);
      const engine = createViewEngine(TEMPLATES_DIR);
      const failures: string[] = [];
      const seen = new Set<string>();
      for (const { file, model } of rendered) {
        if (seen.has(file)) continue;
        seen.add(file);
        engine(file, emptied(model) as object, (error) => {
          if (error) failures.push(`${file.slice(TEMPLATES_DIR.length)}: ${error.message.split('\n')[0]}`);
        });
      }
      expect(failures).toEqual([]);
      // Every page template was met, so none escapes this check; the confirmation page follows a form's
      // first post, so the page-form tests render it.
      const pagesDir = join(TEMPLATES_DIR, 'pages');
      const all = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs') && f !== 'confirm.hbs');
      const met = new Set([...seen].map((file) => relative(pagesDir, file)));
      expect(all.filter((file) => !met.has(file))).toEqual([]);
    });
  });

  describe('an empty installation, as its first administrator', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ INITIAL_ADMIN_PASSWORD: PASSWORD });
    });
    afterAll(() => app.close());

    it('every page answers and has the navigation', async () => {
      const report = await crawlAs(app, 'admin');
      counts.admin = report.pages;
      expect(report.failures).toEqual([]);
      expect(report.pages).toBeGreaterThan(10);
      // The board's charts, images of their own, were fetched with the board's filters (each answered 200).
      const charts = [...report.visited].filter(([url]) => url.startsWith('/board/charts/'));
      expect(charts.length).toBeGreaterThan(2);
      expect(charts.every(([, status]) => status === 200)).toBe(true);
    });
  });
});
