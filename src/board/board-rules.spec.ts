import { attainment, cellColour, chinaDayStart, lastWeeks, onTimeRate, periodOf, totalOf, weekLabel, withDerived, NO_FIGURES } from './board-rules';

describe('periodOf', () => {
  it.each([
    ['month', '2026-02-14', null, '2026-02-01', '2026-02-28'],
    ['month', '2028-02-29', null, '2028-02-01', '2028-02-29'],
    ['month', '2026-12-31', null, '2026-12-01', '2026-12-31'],
    ['quarter', '2026-05-20', null, '2026-04-01', '2026-06-30'],
    ['quarter', '2026-12-01', null, '2026-10-01', '2026-12-31'],
    ['quarter', '2026-01-01', null, '2026-01-01', '2026-03-31'],
    ['year', '2026-07-07', null, '2026-01-01', '2026-12-31'],
    ['custom', '2026-07-07', { from: '2026-03-01', to: '2026-03-15' }, '2026-03-01', '2026-03-15'],
  ] as const)('%s around %s %j is %s – %s', (kind, today, custom, from, to) => {
    expect(periodOf(kind, today, custom)).toEqual({ kind, from, to });
  });
});

describe('chinaDayStart', () => {
  it('is 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('lastWeeks', () => {
  it.each([
    // A Monday starts its own week; a Sunday ends the week that began six days before.
    ['2026-03-02', 3, ['2026-02-16', '2026-02-23', '2026-03-02']],
    ['2026-03-08', 2, ['2026-02-23', '2026-03-02']],
    ['2026-01-07', 2, ['2025-12-29', '2026-01-05']],
  ] as const)('the %d weeks to %s', (today, count, mondays) => {
    expect(lastWeeks(today, count)).toEqual(mondays);
  });

  it('labels a week by its Monday', () => {
    expect(weekLabel('2026-03-02')).toBe('3/2');
  });
});

describe('cellColour', () => {
  const today = '2026-03-10';
  const limit = '2026-03-17';
  it.each([
    ['in_progress', '2026-03-09', false, 'red'],
    ['issued', '2026-03-09', false, 'red'],
    ['completion_requested', '2026-03-09', false, 'red'],
    ['in_progress', '2026-03-10', false, 'yellow'],
    ['in_progress', '2026-03-17', false, 'yellow'],
    ['in_progress', '2026-03-18', false, 'green'],
    ['in_progress', '2026-03-18', true, 'yellow'],
    ['in_progress', null, false, 'green'],
    ['in_progress', null, true, 'yellow'],
    ['closed', '2026-03-01', false, 'grey'],
    ['cancelled', '2026-03-01', false, 'grey'],
  ] as const)('%s due %s (returned: %s) is %s', (status, deadline, returned, colour) => {
    expect(cellColour({ status, deadline, returned }, today, limit)).toBe(colour);
  });
});

describe('attainment', () => {
  it.each([
    ['gte', 60, 72, true, 120],
    ['gte', 60, 45, false, 75],
    ['gte', 60, 60, true, 100],
    ['lte', 5, 4, true, 125],
    ['lte', 5, 10, false, 50],
    ['lte', 5, 0, true, 100],
    ['eq', 100, 100, true, 100],
    ['eq', 100, 99, false, 99],
    ['gte', 0, 0, true, 100],
  ] as const)('%s %d with %d: met %s, %d %%', (comparator, target, value, met, percent) => {
    expect(attainment(comparator, target, value)).toEqual({ met, percent });
  });

  it.each([
    [null, 60, 50],
    ['gte', null, 50],
    ['gte', 60, null],
  ] as const)('unknown without a comparator, target or value (%s %s %s)', (comparator, target, value) => {
    expect(attainment(comparator, target, value)).toEqual({ met: null, percent: null });
  });
});

describe('on-time rate and totals', () => {
  it.each([
    [0, 0, null],
    [4, 3, 75],
    [3, 1, 33.3],
    [3, 3, 100],
  ] as const)('%d closed, %d on time: %s', (closed, onTime, rate) => {
    expect(onTimeRate(closed, onTime)).toBe(rate);
  });

  it('derives on time as open less overdue', () => {
    expect(withDerived({ ...NO_FIGURES, open: 5, overdue: 2, closed: 2, closedOnTime: 1 })).toMatchObject({ onTime: 3, onTimeRate: 50 });
  });

  it('adds the units up and takes the rate over the sums, not the mean of rates', () => {
    const total = totalOf([
      { ...NO_FIGURES, open: 3, overdue: 1, dueSoon: 1, closed: 1, closedOnTime: 1, rectificationsOpen: 2 },
      { ...NO_FIGURES, open: 2, overdue: 2, closed: 3, closedOnTime: 0, rectificationsOverdue: 1 },
    ]);
    expect(total).toEqual({ open: 5, onTime: 2, dueSoon: 1, overdue: 3, closed: 4, closedOnTime: 1, onTimeRate: 25, rectificationsOpen: 2, rectificationsOverdue: 1 });
  });

  it('totals nothing as zeros with no rate', () => {
    expect(totalOf([])).toEqual({ ...NO_FIGURES, onTime: 0, onTimeRate: null });
  });
});
