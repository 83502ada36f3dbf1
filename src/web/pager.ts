import type { Page } from '../common/dto/page.dto';

/** Previous/next links for a list page, keeping the filters in the query string. */
export function pager(page: Page<unknown>, filters: Record<string, string | number | boolean | undefined>) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const link = (n: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
    params.set('page', String(n));
    return `?${params.toString()}`;
  };
  return {
    total: page.total,
    page: page.page,
    pages,
    previous: page.page > 1 ? link(page.page - 1) : null,
    next: page.page < pages ? link(page.page + 1) : null,
  };
}
