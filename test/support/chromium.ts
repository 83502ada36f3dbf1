import type { AddressInfo } from 'node:net';
import puppeteer, { Browser } from 'puppeteer';
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
