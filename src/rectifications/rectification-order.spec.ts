import { inRange } from '../assignments/task-order';
import { RECTIFICATION_KEYS, rectificationSortKey } from './rectification-order';
import { isOpenRectification, RECTIFICATION_STATUSES, RectificationStatus } from './rectification-state';

describe('rectificationSortKey', () => {
  it.each<[RectificationStatus, string | null, string]>([
    ['draft', null, '0:'],
    ['issued', '2026-06-30', '0:2026-06-30'],
    ['report_submitted', '2026-06-30', '0:2026-06-30'],
    ['signed_off', '2026-06-30', '1:2026-06-30'],
    ['cancelled', null, '1:'],
  ])('%s, due %s → %s', (status, deadline, key) => {
    expect(rectificationSortKey(status, deadline)).toBe(key);
  });

  it('orders as the list did: unfinished first, then by deadline with drafts first, finished last', () => {
    const items: Array<[RectificationStatus, string | null]> = [
      ['signed_off', '2026-01-01'],
      ['issued', '2026-07-01'],
      ['draft', null],
      ['reopened', '2026-03-01'],
      ['cancelled', null],
    ];
    const sorted = [...items].sort((a, b) => (rectificationSortKey(...a) < rectificationSortKey(...b) ? -1 : 1));
    expect(sorted).toEqual([items[2], items[3], items[1], items[4], items[0]]);
  });
});

describe('RECTIFICATION_KEYS ranges hold every item the filters stand for', () => {
  const today = '2026-06-15';
  // Issued items always have a deadline; drafts never (a draft cancelled has none either).
  const cases = RECTIFICATION_STATUSES.flatMap((status) => (status === 'draft' ? [null] : status === 'cancelled' ? [null, '2026-06-14', '2026-06-16'] : ['2026-06-14', '2026-06-15', '2025-12-31', '2026-06-16']).map((deadline) => ({ status, deadline })));

  it.each(cases)('$status due $deadline', ({ status, deadline }) => {
    const key = rectificationSortKey(status, deadline);
    expect(inRange(key, RECTIFICATION_KEYS.open)).toBe(isOpenRectification(status));
    // Open and past the deadline; the overdue filter narrows it to the statuses still chased.
    expect(inRange(key, RECTIFICATION_KEYS.overdue(today))).toBe(isOpenRectification(status) && deadline !== null && deadline < today);
  });
});
