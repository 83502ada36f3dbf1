import { AssignmentStatus, isOpen } from './assignment-state';
import { awaitsReview, inRange, TASK_KEYS, taskSortKey } from './task-order';
import type { Priority } from '../reminders/chase-terms';

describe('taskSortKey', () => {
  it.each<[AssignmentStatus, string | null, Priority, string]>([
    ['issued', '2026-06-30', 'urgent', '0:2026-06-30:0'],
    ['completion_requested', '2026-06-30', 'important', '0:2026-06-30:1'],
    ['in_progress', null, 'normal', '0:9999-12-31:2'],
    ['closed', '2026-06-30', 'urgent', '1:2026-06-30:0'],
    ['cancelled', null, 'normal', '1:9999-12-31:2'],
  ])('%s, due %s, %s → %s', (status, deadline, priority, key) => {
    expect(taskSortKey(status, deadline, priority)).toBe(key);
  });

  it('orders as the lists promise: open first, then by deadline with standing work last, then by priority', () => {
    const tasks: Array<[AssignmentStatus, string | null, Priority]> = [
      ['closed', '2026-01-01', 'urgent'],
      ['issued', null, 'urgent'],
      ['issued', '2026-07-01', 'normal'],
      ['in_progress', '2026-07-01', 'urgent'],
      ['acknowledged', '2026-03-01', 'normal'],
    ];
    const sorted = [...tasks].sort((a, b) => (taskSortKey(...a) < taskSortKey(...b) ? -1 : 1));
    expect(sorted).toEqual([tasks[4], tasks[3], tasks[2], tasks[1], tasks[0]]);
  });
});

describe('TASK_KEYS ranges agree with the rules they stand for', () => {
  const today = '2026-06-15';
  const last = '2026-06-19';
  const statuses: AssignmentStatus[] = ['issued', 'acknowledged', 'in_progress', 'completion_requested', 'closed', 'cancelled'];
  const deadlines = [null, '2026-06-14', '2026-06-15', '2026-06-19', '2026-06-20', '2025-12-31'];
  const cases = statuses.flatMap((status) => deadlines.flatMap((deadline) => (['urgent', 'normal'] as const).map((priority) => ({ status, deadline, priority }))));

  it.each(cases)('$status due $deadline ($priority)', ({ status, deadline, priority }) => {
    const key = taskSortKey(status, deadline, priority);
    const overdue = isOpen(status) && deadline !== null && deadline < today;
    expect(inRange(key, TASK_KEYS.open)).toBe(isOpen(status));
    expect(inRange(key, TASK_KEYS.finished)).toBe(!isOpen(status));
    expect(inRange(key, TASK_KEYS.overdue(today))).toBe(overdue);
    expect(inRange(key, TASK_KEYS.notOverdue(today))).toBe(!overdue);
    expect(inRange(key, TASK_KEYS.due(today, last))).toBe(isOpen(status) && deadline !== null && deadline >= today && deadline <= last);
  });
});

describe('awaitsReview', () => {
  it.each<[AssignmentStatus, boolean, boolean, boolean]>([
    ['completion_requested', false, false, true],
    ['in_progress', true, false, true],
    ['acknowledged', false, true, true],
    ['in_progress', false, false, false],
    ['issued', false, false, false],
    ['closed', true, true, false],
    ['cancelled', true, false, false],
  ])('%s with a submitted report %s and a pending extension %s → %s', (status, report, extension, expected) => {
    expect(awaitsReview(status, { report, extension })).toBe(expected);
  });
});
