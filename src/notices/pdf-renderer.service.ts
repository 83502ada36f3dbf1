import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import puppeteer, { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer';
import { processTree, residentKb } from '../common/processes';
import { withTimeout } from '../common/timeout';
import { APP_CONFIG, AppConfig, DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL } from '../config/app-config';
import { collectsGarbage, recycleReason } from './render-recycling';
import { BROWSER_GONE } from './render-retry';

/** One browser and the pages open in it; replaced when it crashes, has rendered its share or grown too big. */
interface Generation {
  browser: Promise<Browser>;
  idle: PooledPage[];
  /** Renders handed to it, finished or not. */
  renders: number;
  active: number;
  retired: boolean;
}

/** A page of the pool, with the DevTools session that collects its garbage. */
interface PooledPage {
  page: Page;
  session: CDPSession;
  renders: number;
}

/** Flags that keep Chromium off the network and fit for a container; none relaxes web security. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-extensions', '--no-first-run', '--font-render-hinting=none'];

/**
 * HTML to PDF with Debian's Chromium: one long-lived browser, a bounded pool of reused pages, no
 * JavaScript, no network (the HTML is self-contained; fonts are the system's), a timeout per render.
 * A crashed or disconnected browser is relaunched and the render tried once more. Memory stays bounded:
 * each page's garbage is collected every few renders, and a browser is replaced (the renders it has
 * finish on it, the next wait for its successor) after PDF_RECYCLE_AFTER renders or when its processes
 * pass PDF_BROWSER_MAX_MB.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger('PdfRenderer');
  private current: Generation | null = null;
  private readonly generations = new Set<Generation>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** `prepare` runs in the loaded page before it is printed (a layout pass); it may run twice if Chromium crashes. */
  async render(html: string, prepare?: (page: Page) => Promise<unknown>): Promise<Buffer> {
    try {
      return await this.renderOnce(html, prepare);
    } catch (error) {
      if (!this.closed && isBrowserGone(error)) {
        this.logger.warn(`Chromium 中断（${(error as Error).message}），重新启动后重试`);
        return this.renderOnce(html, prepare);
      }
      throw error;
    }
  }

  /** After the job runner has stopped (it stops in onModuleDestroy), so no render of a job is cut off. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.generations].map((generation) => this.closeBrowser(generation)));
  }

  /** The process ids of the browsers this renderer has running, so that a test touches only its own. */
  async browserPids(): Promise<number[]> {
    const browsers = await Promise.all([...this.generations].map((generation) => generation.browser.catch(() => null)));
    return browsers.map((browser) => browser?.process()?.pid).filter((pid): pid is number => pid !== undefined);
  }

  private async renderOnce(html: string, prepare?: (page: Page) => Promise<unknown>): Promise<Buffer> {
    await this.slot();
    const generation = this.assign();
    let pooled: PooledPage | null = null;
    let reusable = false;
    try {
      const { page } = (pooled = generation.idle.pop() ?? (await this.newPage(await generation.browser)));
      const rendering = (async () => {
        await page.setContent(html, { waitUntil: 'load', timeout: this.config.pdf.timeoutMs });
        await prepare?.(page);
        return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: this.config.pdf.timeoutMs });
      })();
      const pdf = Buffer.from(await withTimeout(rendering, this.config.pdf.timeoutMs, `PDF 生成超过 ${this.config.pdf.timeoutMs / 1000} 秒未完成`));
      pooled.renders += 1;
      reusable = !collectsGarbage(pooled.renders) || (await this.collectGarbage(generation, pooled));
      return pdf;
    } finally {
      generation.active -= 1;
      if (pooled && reusable && !generation.retired) generation.idle.push(pooled);
      else void pooled?.page.close().catch(() => undefined);
      if (generation.retired && generation.active === 0) void this.closeBrowser(generation);
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Waits for one of the pool's places. */
  private async slot(): Promise<void> {
    if (this.closed) throw new Error('PDF renderer is shut down');
    if (this.active < this.config.pdf.pages) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
  }

  /** The browser that renders the next document: the current one, unless it has had its share. */
  private assign(): Generation {
    const generation = this.current && !this.current.retired ? this.current : this.launchGeneration();
    generation.renders += 1;
    generation.active += 1;
    if (recycleReason({ renders: generation.renders, privateMb: null }, this.config.pdf)) this.retire(generation);
    return generation;
  }

  private launchGeneration(): Generation {
    const generation: Generation = { browser: this.launch(), idle: [], renders: 0, active: 0, retired: false };
    generation.browser.then(
      (browser) => browser.on('disconnected', () => this.retire(generation)),
      () => this.retire(generation),
    );
    this.current = generation;
    this.generations.add(generation);
    return generation;
  }

  /**
   * Collects the garbage the page's earlier documents left, then reads the private resident memory of
   * the browser's processes (now at its least) and retires a browser over its limit. False when the page
   * could not be collected: it is not used again.
   */
  private async collectGarbage(generation: Generation, { session }: PooledPage): Promise<boolean> {
    try {
      await withTimeout(session.send('HeapProfiler.collectGarbage'), this.config.pdf.timeoutMs, 'Chromium 回收内存超时');
    } catch {
      return false;
    }
    const pid = (await generation.browser).process()?.pid;
    if (generation.retired || pid === undefined) return true;
    // A scan of /proc: a few milliseconds, once every COLLECT_EVERY renders of a page.
    const privateMb = Math.round(residentKb(processTree(pid)).anon / 1024);
    if (recycleReason({ renders: generation.renders, privateMb }, this.config.pdf) === 'memory') {
      this.logger.warn(`Chromium 渲染 ${generation.renders} 份后私有内存 ${privateMb} MB，超过 PDF_BROWSER_MAX_MB=${this.config.pdf.browserMaxMb}：换用新的浏览器`);
      this.retire(generation);
    }
    return true;
  }

  /**
   * The browser the next launch runs. Chosen again at each launch: when the start-up fell back on the
   * full browser because the headless shell was not there, a headless shell installed since is used
   * without a restart (the failed renders' retries then succeed).
   */
  executable(): string {
    const configured = this.config.pdf.chromiumPath;
    if (configured === DEBIAN_CHROMIUM && !existsSync(configured) && existsSync(DEBIAN_HEADLESS_SHELL)) return DEBIAN_HEADLESS_SHELL;
    return configured;
  }

  private async launch(): Promise<Browser> {
    const executablePath = this.executable();
    const browser = await puppeteer.launch({ executablePath, headless: executablePath.endsWith('headless-shell') ? 'shell' : true, args: CHROMIUM_ARGS });
    // The tab a launch opens is never printed on; its renderer process would hold ~90 MB for nothing.
    // A browser that dies meanwhile is returned all the same: its first render finds it gone and relaunches.
    await browser
      .pages()
      .then((pages) => Promise.all(pages.map((page) => page.close())))
      .catch(() => undefined);
    return browser;
  }

  private async newPage(browser: Browser): Promise<PooledPage> {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // Nothing leaves the page: no file://, no http(s)://, only inline data.
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      if (request.url().startsWith('data:')) void request.continue();
      else void request.abort('blockedbyclient');
    });
    return { page, session: await page.createCDPSession(), renders: 0 };
  }

  private retire(generation: Generation): void {
    generation.retired = true;
    if (this.current === generation) this.current = null;
    for (const { page } of generation.idle.splice(0)) void page.close().catch(() => undefined);
    if (generation.active === 0) void this.closeBrowser(generation);
  }

  /** Once per browser, however many of its ends (the last render, a crash, the shutdown) ask. */
  private async closeBrowser(generation: Generation): Promise<void> {
    if (!this.generations.delete(generation)) return;
    const browser = await generation.browser.catch(() => null);
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
  }
}

function isBrowserGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return BROWSER_GONE.test(message) || /Failed to launch/i.test(message);
}
