import type { KeyRange } from '../database/list-page';
import type { RectificationStatus } from './rectification-state';

/** Signed off or cancelled: done with, listed after everything still unfinished. */
const FINISHED: readonly RectificationStatus[] = ['signed_off', 'cancelled'];

/**
 * The list's order, stored on each item so one index serves it: unfinished before finished, then by
 * deadline, drafts (no deadline yet) first — `0:2026-06-30`. Open items (issued, with a deadline) are the
 * keys between the drafts' `0:` and `1`, and overdue ones a range of those, so both filters are ranges too.
 */
export function rectificationSortKey(status: RectificationStatus, deadline: string | null): string {
  return `${FINISHED.includes(status) ? 1 : 0}:${deadline ?? ''}`;
}

// '0:0' comes after the drafts' '0:' and before every '0:<date>'.
export const RECTIFICATION_KEYS = {
  /** Issued and unfinished. */
  open: { from: '0:0', before: '1' },
  /** Unfinished with a deadline before today. */
  overdue: (today: string): Required<KeyRange> => ({ from: '0:0', before: `0:${today}` }),
} satisfies Record<string, Required<KeyRange> | ((today: string) => Required<KeyRange>)>;
