import type { RectificationItem } from './rectification.entity';

/** How an item is named in reminders, notices and lists: 整改-12. */
export const rectificationCode = (item: Pick<RectificationItem, 'id'>): string => `整改-${item.id}`;

/** A one-line title: where, and the start of what was found. */
export function rectificationTitle(item: Pick<RectificationItem, 'location' | 'problem'>): string {
  const problem = item.problem.replace(/\s+/g, ' ').trim();
  return `${item.location}：${problem.length > 40 ? `${problem.slice(0, 40)}…` : problem}`;
}

/** The item as a document quotes it: where, and all of what was found, never cut. */
export function rectificationQuote(item: Pick<RectificationItem, 'location' | 'problem'>): string {
  return `${item.location}：${item.problem.replace(/\s+/g, ' ').trim()}`;
}
