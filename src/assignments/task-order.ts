import type { KeyRange } from '../database/list-page';
import { NO_DEADLINE, PRIORITY_RANKS } from '../directives/directive-order';
import type { Priority } from '../reminders/chase-terms';
import { AssignmentStatus, isOpen } from './assignment-state';

/**
 * The task lists' order, stored on each assignment so one index serves it: open before finished, then
 * by deadline (standing work last), then the directive's priority — `0:2026-06-30:1`. Because the open
 * flag and the deadline lead the key, "open", "overdue" and "due within N days" are ranges of it too.
 */
export function taskSortKey(status: AssignmentStatus, deadline: string | null, priority: Priority): string {
  return `${isOpen(status) ? 0 : 1}:${deadline ?? NO_DEADLINE}:${PRIORITY_RANKS[priority]}`;
}


// ';' follows ':' in ASCII, so `0:<date>;` comes after every key of that date.
export const TASK_KEYS = {
  open: { before: '1' },
  finished: { from: '1' },
  /** Open with a deadline before today. */
  overdue: (today: string): KeyRange => ({ from: '0:', before: `0:${today}` }),
  /** Not overdue: open and due today or later (standing work included), or finished. */
  notOverdue: (today: string): KeyRange => ({ from: `0:${today}` }),
  /** Open and due from today to `last` inclusive. */
  due: (today: string, last: string): KeyRange => ({ from: `0:${today}`, before: `0:${last};` }),
} satisfies Record<string, KeyRange | ((...dates: string[]) => KeyRange)>;

export function inRange(key: string, range: KeyRange): boolean {
  return (range.from === undefined || key >= range.from) && (range.before === undefined || key < range.before);
}

/**
 * The review queue (待审核): an open task with something for the office to decide — a completion
 * request, a submitted progress report, or a pending extension request.
 */
export function awaitsReview(status: AssignmentStatus, pending: { report: boolean; extension: boolean }): boolean {
  return isOpen(status) && (status === 'completion_requested' || pending.report || pending.extension);
}
