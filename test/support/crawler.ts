import { load } from 'cheerio';
import type { PageClient } from './browser-session';

/** What a signed-in person may meet while clicking around: a page, a redirect, or a refusal. */
const ACCEPTABLE = (status: number) => status === 200 || (status >= 301 && status <= 308) || status === 403 || status === 404;

/** Documents that are not pages of the service (a notice as printed), so they carry no navigation. */
const DOCUMENTS = [/^\/notices\/\d+\/preview$/];

/** Never followed: they end the session. */
const SKIPPED = [/^\/logout/, /^\/login/];

export interface CrawlReport {
  /** Every URL visited, with its status. */
  visited: Map<string, number>;
  /** HTML pages answered 200. */
  pages: number;
  /** What went wrong, one line each: a status that is not acceptable, or a page without the navigation. */
  failures: string[];
}

/** A URL with its query parameters in a stable order, so the same page is visited once. */
function normalise(href: string, from: string): string | null {
  const url = new URL(href, `http://crawler${from}`);
  if (url.host !== 'crawler' || !url.pathname.startsWith('/')) return null;
  url.searchParams.sort();
  const path = `${url.pathname}${url.search}`;
  return SKIPPED.some((pattern) => pattern.test(url.pathname)) ? null : path;
}

/**
 * The URLs a GET form can produce: its fields as they stand, then each option of each select and each
 * checkbox flipped, one at a time (every filter value is a page that must work).
 */
export function getFormVariants(html: string, from: string, expanded: Set<string>): string[] {
  const $ = load(html);
  const variants: string[] = [];
  $('form').each((_, form) => {
    const method = ($(form).attr('method') ?? 'get').toLowerCase();
    if (method !== 'get') return;
    const action = $(form).attr('action') || from.split('?')[0];
    // Each filter form is varied once, from the first page showing it: varying every variant's form
    // again would visit every combination of every filter.
    const key = `${action} ${$(form).find('[name]').map((_, f) => $(f).attr('name')).get().sort().join(',')}`;
    if (expanded.has(key)) return;
    expanded.add(key);
    const base: [string, string][] = [];
    const alternatives: { name: string; values: (string | null)[] }[] = [];
    $(form)
      .find('input, select, textarea')
      .each((_, field) => {
        const name = $(field).attr('name');
        if (!name || $(field).is('[disabled]')) return;
        if (field.tagName === 'select') {
          const options = $(field).find('option').map((_, o) => $(o).attr('value') ?? $(o).text()).get();
          const selected = $(field).find('option[selected]').attr('value') ?? options[0] ?? '';
          base.push([name, selected]);
          alternatives.push({ name, values: options });
        } else if ($(field).attr('type') === 'checkbox' || $(field).attr('type') === 'radio') {
          const value = $(field).attr('value') ?? 'on';
          if ($(field).is('[checked]')) base.push([name, value]);
          alternatives.push({ name, values: [value, null] });
        } else if (!['submit', 'button', 'file'].includes($(field).attr('type') ?? '')) {
          base.push([name, $(field).attr('value') ?? $(field).text() ?? '']);
        }
      });
    const url = (params: [string, string][]) => `${action}?${new URLSearchParams(params).toString()}`;
    variants.push(url(base));
    for (const { name, values } of alternatives) {
      for (const value of values) {
        const others = base.filter(([key]) => key !== name);
        variants.push(url(value === null ? others : [...others, [name, value]]));
      }
    }
  });
  return variants;
}

/**
 * Visits every same-site link and image and every variant of every GET form reachable from `start`, breadth
 * first, as the signed-in client. Nothing is posted, so the crawl changes nothing but read marks.
 */
export async function crawl(client: PageClient, start = '/', limit = 2000): Promise<CrawlReport> {
  const visited = new Map<string, number>();
  const failures: string[] = [];
  const queue: { url: string; from: string }[] = [{ url: start, from: '(start)' }];
  const queued = new Set([start]);
  const expanded = new Set<string>();
  let pages = 0;
  const enqueue = (href: string, from: string) => {
    const url = normalise(href, from);
    if (url && !queued.has(url) && queued.size < limit) {
      queued.add(url);
      queue.push({ url, from });
    }
  };
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { url, from } = next;
    const res = await client.get(url);
    visited.set(url, res.status);
    if (!ACCEPTABLE(res.status)) {
      failures.push(`${url} → ${res.status}（来自 ${from}）${load(res.text)("p.lead").text()}`);
      continue;
    }
    if (res.status >= 300 && res.status < 400) {
      enqueue(res.headers.location, url);
      continue;
    }
    if (res.status !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
    pages += 1;
    const path = url.split('?')[0];
    const $ = load(res.text);
    if (!DOCUMENTS.some((pattern) => pattern.test(path)) && $('nav.nav a').length === 0) failures.push(`${url}：页面没有导航`);
    $('a[href]').each((_, a) => enqueue($(a).attr('href')!, url));
    // What a page shows as an image (the board's charts, photos) must answer too, with every filter.
    $('img[src]').each((_, img) => enqueue($(img).attr('src')!, url));
    for (const variant of getFormVariants(res.text, url, expanded)) enqueue(variant, url);
  }
  if (queued.size >= limit) failures.push(`crawl stopped at ${limit} URLs: raise the limit or find the link that multiplies pages`);
  return { visited, pages, failures };
}
