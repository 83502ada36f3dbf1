/// <reference lib="dom" />
// The functions handed to $eval run in Chromium, on the stamp's DOM.
import type { Page } from 'puppeteer';

/** The stamp's sizes after its first (12 pt, three lines): 10.5 pt on four lines, then the beginning and a page with the whole. */
const FALLBACKS = ['smaller', 'overflowing'] as const;

/**
 * The layout pass of the 作废 stamp (templates/notices/void-stamp.hbs): the reason at the first size
 * whose lines it fits in, measured by Chromium itself (a line holds what the font and the line-breaking
 * rules let it, which counting characters only guesses). Runs with the page's JavaScript disabled:
 * DevTools evaluates it.
 */
export async function fitVoidStamp(page: Page): Promise<void> {
  for (const fallback of FALLBACKS) {
    const overflows = await page.$eval('.reason', (reason) => reason.scrollHeight > reason.clientHeight + 1);
    if (!overflows) return;
    await page.$eval('html', (root, name) => root.classList.add(name), fallback);
  }
}
