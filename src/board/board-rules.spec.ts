import { attainment, cellColour, chinaDayStart, chosenPeriod, editedDates, lastWeeks, onTimeRate, periodOf, totalOf, weekLabel, withDerived, NO_FIGURES } from './board-rules';

describe('periodOf', () => {
  it.each([
    ['month', '2026-02-14', '2026-02-01', '2026-02-28'],
    ['month', '2028-02-29', '2028-02-01', '2028-02-29'],
    ['month', '2026-12-31', '2026-12-01', '2026-12-31'],
    ['quarter', '2026-05-20', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-12-01', '2026-10-01', '2026-12-31'],
    ['quarter', '2026-01-01', '2026-01-01', '2026-03-31'],
    ['year', '2026-07-07', '2026-01-01', '2026-12-31'],
  ] as const)('%s around %s is %s – %s', (kind, today, from, to) => {
    expect(periodOf(kind, today)).toEqual({ kind, from, to });
  });
});

describe('chosenPeriod', () => {
  const today = '2026-03-19';
  it.each([
    // No dates, or the period's own dates: the period chosen.
    ['month', {}, { kind: 'month', from: '2026-03-01', to: '2026-03-31' }],
    ['year', { from: '2026-01-01', to: '2026-12-31' }, { kind: 'year', from: '2026-01-01', to: '2026-12-31' }],
    // Other dates with a month, quarter or year are a custom period; the end not given is the period's.
    ['month', { from: '2026-03-05', to: '2026-03-12' }, { kind: 'custom', from: '2026-03-05', to: '2026-03-12' }],
    ['month', { from: '2026-03-10' }, { kind: 'custom', from: '2026-03-10', to: '2026-03-31' }],
    ['quarter', { to: '2026-02-15' }, { kind: 'custom', from: '2026-01-01', to: '2026-02-15' }],
    // A custom period keeps what it was given, missing ends included (refused by the caller).
    ['custom', { from: '2026-03-01', to: '2026-03-15' }, { kind: 'custom', from: '2026-03-01', to: '2026-03-15' }],
    ['custom', { from: '2026-03-01' }, { kind: 'custom', from: '2026-03-01' }],
  ] as const)('%s with %j is %j', (kind, dates, period) => {
    expect(chosenPeriod(kind, today, dates)).toEqual(period);
  });
});

describe('editedDates', () => {
  const shown = { from: '2026-03-01', to: '2026-03-31' };
  it.each([
    // The dates the form showed, sent back as they were: a newly chosen period wins.
    ['year', shown, shown, {}],
    // Edited dates count, whatever the period.
    ['year', { from: '2026-03-01', to: '2026-03-15' }, shown, { from: '2026-03-01', to: '2026-03-15' }],
    ['month', { from: '2026-03-01' }, shown, { from: '2026-03-01' }],
    // A custom period always takes its dates; without shown dates (a typed address) every date counts.
    ['custom', shown, shown, shown],
    ['month', shown, {}, shown],
  ] as const)('%s with %j (shown %j) keeps %j', (kind, dates, shownDates, kept) => {
    expect(editedDates(kind, dates, shownDates)).toEqual(kept);
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

  it.each([
    [{ open: 5, overdue: 2, dueSoon: 0 }, 3],
    [{ open: 6, overdue: 0, dueSoon: 5 }, 1],
    [{ open: 4, overdue: 1, dueSoon: 3 }, 0],
  ])('splits the open tasks into on time, due soon and overdue: %j leaves %d on time', (counts, onTime) => {
    const figures = withDerived({ ...NO_FIGURES, ...counts, closed: 2, closedOnTime: 1 });
    expect(figures).toMatchObject({ onTime, onTimeRate: 50 });
    expect(figures.onTime + figures.dueSoon + figures.overdue).toBe(figures.open);
  });

  it('adds the units up and takes the rate over the sums, not the mean of rates', () => {
    const total = totalOf([
      { ...NO_FIGURES, open: 3, overdue: 1, dueSoon: 1, closed: 1, closedOnTime: 1, rectificationsOpen: 2 },
      { ...NO_FIGURES, open: 2, overdue: 2, closed: 3, closedOnTime: 0, rectificationsOverdue: 1 },
    ]);
    expect(total).toEqual({ open: 5, onTime: 1, dueSoon: 1, overdue: 3, closed: 4, closedOnTime: 1, onTimeRate: 25, rectificationsOpen: 2, rectificationsOverdue: 1 });
  });

  it('totals nothing as zeros with no rate', () => {
    expect(totalOf([])).toEqual({ ...NO_FIGURES, onTime: 0, onTimeRate: null });
  });
});
