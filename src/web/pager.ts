import type { Actor } from '../access/actor';
import { Permission, scopeOf } from '../access/permissions';
import type { Page } from '../common/dto/page.dto';
import { MAX_OFFSET } from '../database/list-page';

/**
 * Previous/next links for a list page, keeping the filters in the query string. "Next" continues from
 * the page's last row (`after`) where the list gives it, so paging on stays fast however deep it goes;
 * "previous" goes by number while that is within the lists' numbered reach.
 */
export function pager(page: Page<unknown>, filters: Record<string, string | number | boolean | undefined>) {
  const pages = page.totalCapped ? null : Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (n: number, after?: string) => {
    const params = filterParams(filters);
    params.set('page', String(n));
    if (after) params.set('after', after);
    return `?${params.toString()}`;
  };
  const previous = page.page > 1 && (page.page - 2) * page.pageSize <= MAX_OFFSET ? link(page.page - 1) : null;
  const next = page.next ? link(page.page + 1, page.next) : pages !== null && page.page < pages ? link(page.page + 1) : null;
  return { total: page.totalCapped ? `${page.total}+` : String(page.total), page: page.page, pages, previous, next };
}

type Filters = Record<string, string | number | boolean | undefined>;

/** A list's filters as query parameters: blanks and the paging position left out. */
function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '' && !['after', 'page', 'pageSize'].includes(key)) params.set(key, String(value));
  return params;
}

/** A download of what a list shows (its 导出Excel link): the address with the list's filters, or null when the actor may not export. */
export function exportLink(actor: Actor, path: string, filters: Filters): string | null {
  if (scopeOf(actor.role, Permission.LedgerExport) === null) return null;
  const query = filterParams(filters).toString();
  return query ? `${path}?${query}` : path;
}
