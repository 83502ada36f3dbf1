import { DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL } from '../config/app-config';

/** A notice's PDF as people are told about it: none for a draft, made, on its way, or failing for now. */
export const PDF_STATUSES = ['pending', 'ready', 'failing'] as const;
export type PdfStatus = (typeof PDF_STATUSES)[number];

/** The first retry after a failed render; each further failure doubles the wait, up to the longest. */
export const FIRST_RETRY_MS = 30_000;
export const LONGEST_RETRY_MS = 3_600_000;

/** The longest reason kept (the column's width). */
export const RENDER_ERROR_LENGTH = 500;

export function pdfStatus(notice: { status: string; pdfSha256: string | null; renderFailures: number }): PdfStatus | null {
  if (notice.status === 'draft') return null;
  if (notice.pdfSha256) return 'ready';
  return notice.renderFailures > 0 ? 'failing' : 'pending';
}

/**
 * When a render that has now failed `failures` times is tried again: 30 s, then doubling, at most an
 * hour. Rounded up to the whole second the database keeps, so the time written is the time read back
 * (and names the same job in Bull).
 */
export function renderRetryAt(now: Date, failures: number): Date {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LONGEST_RETRY_MS);
  return new Date(Math.ceil((now.getTime() + wait) / 1000) * 1000);
}

/** A render's error as kept: on one line, within the column. */
export function renderErrorText(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim() || '未知错误';
  return message.length > RENDER_ERROR_LENGTH ? `${message.slice(0, RENDER_ERROR_LENGTH - 1)}…` : message;
}

const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium-headless-shell';

/** No browser to launch: puppeteer's "Browser was not found", or a launch that found nothing to run. */
const BROWSER_MISSING = /Browser was not found at the configured executablePath|Failed to launch the browser process.*\b(ENOENT|EACCES)\b/s;

/** Chromium crashed or went away under a render (the renderer relaunches it and tries once more). */
export const BROWSER_GONE = /Target closed|Session closed|Connection closed|Protocol error|browser has disconnected|Navigating frame was detached|detached Frame/i;

/** The known causes of a failed render, in Chinese for the office, most specific first; the raw message stays for support. */
const CAUSES: [RegExp, string][] = [
  [BROWSER_MISSING, '找不到生成 PDF 所需的浏览器（chromium-headless-shell）'],
  [/Failed to launch the browser process/i, '生成 PDF 所需的浏览器（chromium-headless-shell）未能启动'],
  [/PDF 生成超过 \d+ 秒未完成|TimeoutError|timeout\b.*\bexceeded|timed out/i, '生成 PDF 超时：服务器繁忙或文档过长，浏览器未能按时完成'],
  [BROWSER_GONE, '生成 PDF 时浏览器意外退出（崩溃或内存不足）'],
  [/Page crashed/i, '生成 PDF 时浏览器页面崩溃（多为内存不足）'],
  [/PDF renderer is shut down/, '服务正在停止，PDF 生成被中断'],
];

/** Why a render failed, said in Chinese; null for a reason not known here (the raw message is then all there is). */
export function renderFailureCause(error: string): string | null {
  return CAUSES.find(([pattern]) => pattern.test(error))?.[1] ?? null;
}

/** What the office can do when the reason is that there is no browser to launch; null for any other reason. */
export function missingBrowserHint(error: string, chromiumPath: string): string | null {
  if (!BROWSER_MISSING.test(error)) return null;
  if (chromiumPath === DEBIAN_HEADLESS_SHELL || chromiumPath === DEBIAN_CHROMIUM) {
    return `本机未安装 Chromium。请以 root 运行：${INSTALL}（或在项目目录运行 bash scripts/ensure-pdf-renderer.sh），装好后到时自动重试。`;
  }
  return `CHROMIUM_PATH 指向的 ${chromiumPath} 不存在或不能执行。请改正 CHROMIUM_PATH 后重启服务，或去掉它并以 root 运行：${INSTALL}`;
}
