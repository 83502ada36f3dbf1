import { UnitMatcher } from '../extraction/rules/units';
import type { SheetRow } from '../spreadsheets/workbook-reader';
import { checkDirectiveRows, DirectiveColumn, DirectiveRowContext, readDeadline, readTarget, targetText, titleOf, unitsIn } from './directive-rows';

const UNITS = [
  { id: 1, names: ['云澜市公安局', '市公安局'] },
  { id: 2, names: ['云澜市委网信办', '市网信办', '网信办'] },
  { id: 3, names: ['东湖街道', '东湖街道办事处', '东湖'] },
];
const matcher = new UnitMatcher(UNITS);
const context: DirectiveRowContext = {
  today: '2026-03-10',
  matchUnit: (text) => matcher.match(text),
  unitName: (id) => UNITS.find((u) => u.id === id)!.names[1],
  addWorkingDays: (start, days) => `${start}+${days}`,
};

const EMPTY: Record<DirectiveColumn, string> = { number: '', task: '', lead: '', cooperating: '', deadline: '', target: '', category: '', priority: '' };
const row = (n: number, cells: Partial<Record<DirectiveColumn, string>>): SheetRow<DirectiveColumn> => ({ row: n, cells: { ...EMPTY, ...cells } });

describe('readDeadline', () => {
  it.each([
    ['2026-06-30', { date: '2026-06-30' }],
    ['2026/6/30', { date: '2026-06-30' }],
    ['2026.6.3', { date: '2026-06-03' }],
    ['2026年6月30日', { date: '2026-06-30' }],
    ['2026年6月30日前', { date: '2026-06-30' }],
    ['6月底前', { date: '2026-06-30' }],
    ['年底前', { date: '2026-12-31' }],
    ['每月5日前报送', { cycle: 'monthly', day: 5 }],
    ['每季度末月20日前报送', { cycle: 'quarterly', day: 20 }],
    ['每月30日前报送', { cycle: 'monthly', day: 30 }],
    ['每月月底前报送', { cycle: 'monthly', day: 31 }],
    ['每季度末报送', { cycle: 'quarterly', day: 31 }],
    ['每周五前报送', { cycle: 'weekly', day: 5 }],
  ])('reads %s', (cell, expected) => {
    expect(readDeadline(cell, context)).toEqual(expected);
  });

  it.each([
    ['2026-02-30', /不是有效的日期/],
    ['2025-12-31', /已经过去/],
    ['尽快', /读不出完成时限/],
    ['长期坚持', /请写明报送周期/],
  ])('refuses %s', (cell, message) => {
    const read = readDeadline(cell, context);
    expect('error' in read && read.error).toMatch(message);
  });
});

describe('readTarget', () => {
  it.each([
    ['国家反诈中心APP安装率达到60%', { name: '国家反诈中心APP安装率', unit: '%', comparator: 'gte', target: 60 }],
    ['电诈发案率控制在5%以内', { name: '电诈发案率', unit: '%', comparator: 'lte', target: 5 }],
    ['培训1300人次以上', { name: '培训', unit: '人次', comparator: 'gte', target: 1300 }],
  ])('reads %s', (cell, metric) => {
    expect(readTarget(cell)).toEqual({ metric });
  });

  it('refuses a cell without a figure', () => {
    expect(readTarget('明显提升')).toEqual({ error: expect.stringMatching(/读不出量化目标/) });
  });

  it.each([
    { name: '安装率', unit: '%', comparator: 'gte' as const, target: 60 },
    { name: '发案率', unit: '%', comparator: 'lte' as const, target: 5 },
  ])('writes the target $name so that it reads back', (metric) => {
    expect(readTarget(targetText(metric))).toEqual({ metric });
  });
});

describe('unitsIn and titleOf', () => {
  it.each([
    ['市公安局、市网信办', [1, 2], []],
    ['东湖街道办事处，市公安局', [3, 1], []],
    ['市公安局、市税务局', [1], ['市税务局']],
    ['各成员单位', [], ['各成员单位']],
    ['', [], []],
  ])('matches %p to units %p, unknown %p', (cell, ids, unknown) => {
    expect(unitsIn(cell, context)).toEqual({ ids, unknown });
  });

  it.each([
    ['开展全民反诈宣传。每月组织一次进社区活动。', '开展全民反诈宣传'],
    ['清理涉诈账号', '清理涉诈账号'],
    ['甲'.repeat(250), `${'甲'.repeat(199)}…`],
  ])('titles %p as %p', (task, title) => {
    expect(titleOf(task)).toBe(title);
  });
});

describe('checkDirectiveRows', () => {
  it('turns a good row into a directive: first lead unit leads, the others cooperate', () => {
    const [check] = checkDirectiveRows([row(2, { task: '推广国家反诈中心APP，安装率达到60%', lead: '市公安局、东湖', cooperating: '网信办、市公安局', deadline: '6月底前', target: '安装率达到60%', priority: '重要', category: '宣传防范' })], context);
    expect(check.errors).toEqual([]);
    expect(check.value).toMatchObject({ title: '推广国家反诈中心APP，安装率达到60%', leadUnitId: 1, cooperatingUnitIds: [3, 2], deadline: '2026-06-30', priority: 'important', category: '宣传防范', metric: { name: '安装率', comparator: 'gte', target: 60, unit: '%' } });
    expect(check.view).toEqual({ title: '推广国家反诈中心APP，安装率达到60%', lead: '市公安局', cooperating: ['东湖街道办事处', '市网信办'], deadline: '2026-06-30', target: '安装率 ≥ 60%' });
  });

  it('makes standing work with its reporting cycle, and fills category and priority', () => {
    const [check] = checkDirectiveRows([row(2, { task: '报送工作进展', lead: '东湖街道', deadline: '每月10日前报送' })], context);
    expect(check.value).toMatchObject({ reportCycle: 'monthly', reportDay: 10, category: '分工方案', priority: 'normal' });
    expect(check.value?.deadline).toBeUndefined();
  });

  it.each<[string, Partial<Record<DirectiveColumn, string>>, DirectiveColumn, RegExp]>([
    ['an empty task', { lead: '市公安局', deadline: '6月底前' }, 'task', /任务不能为空/],
    ['an unknown lead unit', { task: '甲', lead: '市税务局', deadline: '6月底前' }, 'lead', /“市税务局”不是已登记的单位/],
    ['an empty lead', { task: '甲', deadline: '6月底前' }, 'lead', /牵头单位不能为空/],
    ['an unknown cooperating unit', { task: '甲', lead: '市公安局', cooperating: '某公司', deadline: '6月底前' }, 'cooperating', /“某公司”/],
    ['an empty deadline', { task: '甲', lead: '市公安局' }, 'deadline', /完成时限不能为空/],
    ['a past deadline', { task: '甲', lead: '市公安局', deadline: '2026/1/5' }, 'deadline', /已经过去/],
    ['an unreadable target', { task: '甲', lead: '市公安局', deadline: '6月底前', target: '大幅提升' }, 'target', /读不出量化目标/],
    ['an unknown priority', { task: '甲', lead: '市公安局', deadline: '6月底前', priority: '很急' }, 'priority', /紧急程度应为/],
    ['a control character', { task: '甲\u0007', lead: '市公安局', deadline: '6月底前' }, 'task', /控制字符/],
    ['a category too long', { task: '甲乙丙丁', lead: '市公安局', deadline: '6月底前', category: '类'.repeat(51) }, 'category', /类别/],
  ])('refuses %s in its cell', (_name, cells, column, message) => {
    const [check] = checkDirectiveRows([row(2, cells)], context);
    expect(check.value).toBeNull();
    expect(check.errors).toContainEqual({ column, message: expect.stringMatching(message) });
  });

  it('refuses a row repeating an earlier one, naming it', () => {
    const cells = { task: '清理涉诈账号', lead: '市网信办', deadline: '6月底前' };
    const checks = checkDirectiveRows([row(2, cells), row(3, { ...cells, lead: '市公安局' }), row(4, cells)], context);
    expect(checks.map((c) => c.errors.length)).toEqual([0, 0, 1]);
    expect(checks[2].errors[0]).toEqual({ column: 'task', message: '与第 2 行重复（任务和牵头单位相同）' });
  });
});
