import type { AddressInfo } from 'node:net';
import puppeteer, { Browser, Page } from 'puppeteer';
import { PASSWORD } from './fixtures';
import type { TestApp } from './test-app';

/** Debian's Chromium, never a downloaded one; flags keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Serves the test app on a free loopback port and answers its base URL. */
export async function serveOnLoopback(app: TestApp): Promise<string> {
  await app.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`;
}

/** A page signed in through the login form, in its own browser context (its own cookies). */
export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const page = await (await browser.createBrowserContext()).newPage();
  await page.goto(`${baseUrl}/login`);
  await page.type('input[name=username]', username);
  await page.type('input[name=password]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}
