import { missingBrowserHint, pdfStatus, renderErrorText, renderFailureCause, renderRetryAt } from './render-retry';

describe('retrying a notice PDF that failed to render', () => {
  const now = new Date('2026-03-09T02:00:00.400Z');
  const waitAfter = (failures: number) => (renderRetryAt(now, failures).getTime() - now.getTime()) / 1000;

  it('waits 30 s after the first failure, doubling up to an hour, on a whole second', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(waitAfter)).toEqual([30.6, 60.6, 120.6, 240.6, 480.6, 960.6, 1920.6, 3600.6, 3600.6]);
    expect(renderRetryAt(now, 1).getMilliseconds()).toBe(0);
    expect(renderRetryAt(new Date('2026-03-09T02:00:00.000Z'), 1).toISOString()).toBe('2026-03-09T02:00:30.000Z');
  });

  it('tells a draft, a made PDF, one on its way and one failing apart', () => {
    expect(pdfStatus({ status: 'draft', pdfSha256: null, renderFailures: 0 })).toBeNull();
    expect(pdfStatus({ status: 'issued', pdfSha256: null, renderFailures: 0 })).toBe('pending');
    expect(pdfStatus({ status: 'issued', pdfSha256: null, renderFailures: 2 })).toBe('failing');
    expect(pdfStatus({ status: 'voided', pdfSha256: 'ab'.repeat(32), renderFailures: 2 })).toBe('ready');
  });

  it('keeps a reason on one line and within its column', () => {
    expect(renderErrorText(new Error('Failed to launch\n  at spawn'))).toBe('Failed to launch at spawn');
    const long = renderErrorText(new Error('x'.repeat(900)));
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
    expect(renderErrorText('')).toBe('未知错误');
  });

  it.each([
    ['Browser was not found at the configured executablePath (/usr/bin/chromium-headless-shell)', '找不到生成 PDF 所需的浏览器（chromium-headless-shell）'],
    ['Failed to launch the browser process! spawn /usr/bin/chromium-headless-shell ENOENT', '找不到生成 PDF 所需的浏览器（chromium-headless-shell）'],
    ['Failed to launch the browser process! /usr/bin/chromium-headless-shell: error while loading shared libraries: libnss3.so', '生成 PDF 所需的浏览器（chromium-headless-shell）未能启动'],
    ['PDF 生成超过 30 秒未完成', '生成 PDF 超时：服务器繁忙或文档过长，浏览器未能按时完成'],
    ['Navigation timeout of 30000 ms exceeded', '生成 PDF 超时：服务器繁忙或文档过长，浏览器未能按时完成'],
    ["Runtime.callFunctionOn timed out. Increase the 'protocolTimeout' setting in launch/connect calls for a higher timeout if needed.", '生成 PDF 超时：服务器繁忙或文档过长，浏览器未能按时完成'],
    ['Protocol error (Page.printToPDF): Target closed', '生成 PDF 时浏览器意外退出（崩溃或内存不足）'],
    ['Navigating frame was detached', '生成 PDF 时浏览器意外退出（崩溃或内存不足）'],
    ['Page crashed!', '生成 PDF 时浏览器页面崩溃（多为内存不足）'],
    ['PDF renderer is shut down', '服务正在停止，PDF 生成被中断'],
    ['ENOSPC: no space left on device', null],
  ])('says in Chinese why “%s” failed, when the cause is known', (error, cause) => {
    expect(renderFailureCause(error)).toBe(cause);
  });

  it('gives the install command when there is no browser, and nothing for other reasons', () => {
    const notFound = 'Browser was not found at the configured executablePath (/usr/bin/chromium)';
    expect(missingBrowserHint(notFound, '/usr/bin/chromium')).toContain('apt-get install -y --no-install-recommends chromium-headless-shell');
    expect(missingBrowserHint('Failed to launch the browser process! spawn /usr/bin/chromium-headless-shell ENOENT', '/usr/bin/chromium-headless-shell')).toContain('以 root 运行');
    const custom = missingBrowserHint('Browser was not found at the configured executablePath (/opt/chrome)', '/opt/chrome');
    expect(custom).toContain('CHROMIUM_PATH 指向的 /opt/chrome');
    expect(custom).toContain('apt-get install');
    expect(missingBrowserHint('PDF 生成超过 30 秒未完成', '/usr/bin/chromium-headless-shell')).toBeNull();
  });
});
