import type { Priority } from '../reminders/chase-terms';

/** Standing work (长期坚持) has no deadline and sorts after every dated item. */
export const NO_DEADLINE = '9999-12-31';

export const PRIORITY_RANKS: Record<Priority, number> = { urgent: 0, important: 1, normal: 2 };

/**
 * The directive list's order, stored on the row so an index serves it: by deadline with standing work
 * last, or by priority and then deadline.
 */
export function directiveOrder(deadline: string | null, priority: Priority): { dueKey: string; priorityRank: number } {
  return { dueKey: deadline ?? NO_DEADLINE, priorityRank: PRIORITY_RANKS[priority] };
}
