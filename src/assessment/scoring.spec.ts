import { AssessmentRules, DEFAULT_RULES, meetsTarget, Outcome, periodBounds, previousPeriod, RuleKey } from './assessment-rules';
import { rankUnits, scoreUnits, totalOf } from './scoring';

const rules = (items: Partial<AssessmentRules['items']> = {}, rest: Partial<AssessmentRules> = {}): AssessmentRules => ({ ...DEFAULT_RULES, ...rest, items: { ...DEFAULT_RULES.items, ...items } });

let nextId = 1;
const outcome = (rule: RuleKey, extra: Partial<Outcome> = {}): Outcome => {
  const id = nextId++;
  return { unitId: 1, rule, on: `2026-03-${String(id % 28 + 1).padStart(2, '0')}`, event: `事件${id}`, recordType: 'assignment', recordId: id, link: `/tasks/${id}`, role: 'lead', quantity: 1, ...extra };
};
const times = (n: number, make: () => Outcome) => Array.from({ length: n }, make);
const one = [{ unitId: 1, unitName: '甲单位' }];

describe('scoreUnits: one unit’s total', () => {
  it.each<[string, Outcome[], AssessmentRules, number]>([
    ['nothing recorded: the base score', [], rules(), 100],
    ['another base score', [], rules({}, { baseScore: 80 }), 80],
    ['one task closed on time', [outcome('closed_on_time')], rules(), 101],
    ['closed on time, cooperating unit weighted 0.5', [outcome('closed_on_time', { role: 'cooperating' })], rules(), 100.5],
    ['lead weight applies to lead tasks', [outcome('closed_on_time')], rules({}, { leadWeight: 1.5 }), 101.5],
    ['weights do not touch notices', [outcome('supervision_notice', { recordType: 'notice', role: null })], rules({}, { leadWeight: 3, cooperatingWeight: 3 }), 98],
    ['closed on time, capped at 10', times(15, () => outcome('closed_on_time')), rules(), 110],
    ['overdue item', [outcome('overdue_item')], rules(), 98],
    ['overdue items capped at 20 deductions', times(12, () => outcome('overdue_item')), rules(), 80],
    ['7 working days late at 0.2 each', [outcome('overdue_day', { quantity: 7 })], rules(), 98.6],
    ['per-day, cooperating: 7 × 0.2 × 0.5', [outcome('overdue_day', { quantity: 7, role: 'cooperating' })], rules(), 99.3],
    ['per-day capped at 10', [outcome('overdue_day', { quantity: 40 }), outcome('overdue_day', { quantity: 30 })], rules(), 90],
    ['returned reports', times(3, () => outcome('report_returned', { recordType: 'report' })), rules(), 98.5],
    ['circular, interview, card', [outcome('circular', { role: null }), outcome('interview_letter', { role: null }), outcome('card_listed', { role: null })], rules(), 87],
    ['rectification signed off and overdue', [outcome('rectification_signed_off', { role: null }), outcome('rectification_overdue', { role: null })], rules(), 99],
    ['targets met and missed', [outcome('target_met'), outcome('target_met'), outcome('target_missed')], rules(), 102],
    ['no cap', times(30, () => outcome('closed_on_time')), rules({ closed_on_time: { points: 1, cap: null } }), 130],
    ['cap 0 turns a rule off', times(3, () => outcome('overdue_item')), rules({ overdue_item: { points: -2, cap: 0 } }), 100],
    ['cap cuts a line in part', times(3, () => outcome('overdue_item')), rules({ overdue_item: { points: -2, cap: 5 } }), 95],
    ['points 0 count nothing', [outcome('report_returned')], rules({ report_returned: { points: 0, cap: 5 } }), 100],
    ['0.1 + 0.2 is 0.3', [outcome('report_returned'), outcome('report_returned')], rules({ report_returned: { points: 0.15, cap: null } }), 100.3],
    ['every rule at once', [outcome('closed_on_time'), outcome('overdue_item'), outcome('overdue_day', { quantity: 2 })], rules(), 98.6],
  ])('%s', (_name, outcomes, ruleSet, total) => {
    const [score] = scoreUnits(one, outcomes, ruleSet);
    expect(score.total).toBe(total);
    expect(score.lines).toHaveLength(outcomes.length);
    expect(score.total).toBe(totalOf(score.base, score.lines));
  });
});

describe('scoreUnits: lines', () => {
  it('applies a cap oldest first and marks the lines it cut', () => {
    const outcomes = [outcome('overdue_item', { on: '2026-03-20' }), outcome('overdue_item', { on: '2026-03-01' }), outcome('overdue_item', { on: '2026-03-10' })];
    const [score] = scoreUnits(one, outcomes, rules({ overdue_item: { points: -2, cap: 3 } }));
    expect(score.lines.map((l) => [l.on, l.raw, l.points, l.capped])).toEqual([
      ['2026-03-01', -2, -2, false],
      ['2026-03-10', -2, -1, true],
      ['2026-03-20', -2, 0, true],
    ]);
    expect(score.lines.map((l) => l.seq)).toEqual([1, 2, 3]);
  });

  it('keeps each line’s record, link, quantity and weight', () => {
    const [score] = scoreUnits(one, [outcome('overdue_day', { quantity: 4, role: 'cooperating', recordId: 77, link: '/tasks/77' })], rules());
    expect(score.lines[0]).toMatchObject({ rule: 'overdue_day', recordId: 77, link: '/tasks/77', quantity: 4, weight: 0.5, raw: -0.4, points: -0.4, capped: false });
  });

  it('gives each unit only its own outcomes', () => {
    const units = [{ unitId: 1, unitName: '甲' }, { unitId: 2, unitName: '乙' }];
    const scores = scoreUnits(units, [outcome('overdue_item', { unitId: 2 }), outcome('closed_on_time', { unitId: 1 })], rules());
    expect(scores.map((s) => [s.unitId, s.total, s.lines.length])).toEqual([
      [1, 101, 1],
      [2, 98, 1],
    ]);
  });
});

describe('ranking', () => {
  it.each<[string, number[], Array<[number, number, boolean]>]>([
    ['distinct totals, highest first', [90, 100, 95], [[1, 100, false], [2, 95, false], [3, 90, false]]],
    ['a tie shares the rank and the next rank is skipped', [90, 95, 95, 80], [[1, 95, true], [1, 95, true], [3, 90, false], [4, 80, false]]],
    ['all tied', [100, 100, 100], [[1, 100, true], [1, 100, true], [1, 100, true]]],
    ['one unit', [42], [[1, 42, false]]],
    ['none', [], []],
  ])('%s', (_name, totals, expected) => {
    const ranked = rankUnits(totals.map((total, i) => ({ unitId: i + 1, total })));
    expect(ranked.map((r) => [r.rank, r.total, r.tied])).toEqual(expected);
  });

  it('keeps tied units in the given order (stable, and the same on every run)', () => {
    const units = [{ unitId: 5, unitName: '戊' }, { unitId: 3, unitName: '丙' }, { unitId: 9, unitName: '壬' }];
    const scores = scoreUnits(units, [outcome('overdue_item', { unitId: 9 })], rules());
    expect(scores.map((s) => [s.unitId, s.rank, s.tied])).toEqual([
      [5, 1, true],
      [3, 1, true],
      [9, 3, false],
    ]);
  });
});

describe('periods', () => {
  it.each<[Parameters<typeof periodBounds>, string, string, string]>([
    [['month', 2026, 2], '2026-02-01', '2026-02-28', '2026年2月'],
    [['month', 2028, 2], '2028-02-01', '2028-02-29', '2028年2月'],
    [['month', 2026, 12], '2026-12-01', '2026-12-31', '2026年12月'],
    [['quarter', 2026, 1], '2026-01-01', '2026-03-31', '2026年第1季度'],
    [['quarter', 2026, 3], '2026-07-01', '2026-09-30', '2026年第3季度'],
    [['year', 2026, 1], '2026-01-01', '2026-12-31', '2026年度'],
  ])('%j', (args, startOn, endOn, label) => {
    expect(periodBounds(...args)).toEqual({ startOn, endOn, label });
  });

  it.each<[Parameters<typeof previousPeriod>, { year: number; number: number }]>([
    [['quarter', '2026-11-30'], { year: 2026, number: 3 }],
    [['quarter', '2026-02-10'], { year: 2025, number: 4 }],
    [['month', '2026-01-05'], { year: 2025, number: 12 }],
    [['month', '2026-11-30'], { year: 2026, number: 10 }],
    [['year', '2026-11-30'], { year: 2025, number: 1 }],
  ])('previous of %j', (args, expected) => {
    expect(previousPeriod(...args)).toEqual(expected);
  });
});

describe('meetsTarget', () => {
  it.each<[Parameters<typeof meetsTarget>, boolean]>([
    [['gte', 60, 60], true],
    [['gte', 60, 59.9], false],
    [['lte', 5, 3], true],
    [['lte', 5, 6], false],
    [['eq', 100, 100], true],
    [['eq', 100, 99], false],
    [['gte', 60, null], false],
  ])('%j → %s', (args, met) => {
    expect(meetsTarget(...args)).toBe(met);
  });
});
