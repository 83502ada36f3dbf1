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
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '' && key !== 'after') params.set(key, String(value));
    params.set('page', String(n));
    if (after) params.set('after', after);
    return `?${params.toString()}`;
  };
  const previous = page.page > 1 && (page.page - 2) * page.pageSize <= MAX_OFFSET ? link(page.page - 1) : null;
  const next = page.next ? link(page.page + 1, page.next) : pages !== null && page.page < pages ? link(page.page + 1) : null;
  return { total: page.totalCapped ? `${page.total}+` : String(page.total), page: page.page, pages, previous, next };
}
