import type { AssignmentRole } from '../assignments/assignment.entity';
import type { IsoDate } from '../calendar/working-calendar';

/** The outcomes recorded in the system that a rule scores; never a volume of activity (meetings, photos, forms). */
export const RULE_KEYS = [
  'closed_on_time',
  'overdue_item',
  'overdue_day',
  'report_returned',
  'supervision_notice',
  'circular',
  'interview_letter',
  'card_listed',
  'rectification_overdue',
  'rectification_signed_off',
  'target_met',
  'target_missed',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

export interface RuleInfo {
  label: string;
  /** Which recorded outcome it counts, as the rules page says it. */
  counts: string;
  /** Scored per task, so weighted by the unit's role in it (lead or cooperating). */
  weighted: boolean;
  /** A reward adds points (≥ 0), a penalty deducts them (≤ 0). */
  sign: 'reward' | 'penalty';
}

export const RULE_INFO: Record<RuleKey, RuleInfo> = {
  closed_on_time: { label: '按期办结', counts: '考核期内销号、且销号日不晚于办理时限的任务（以任务销号记录为准）', weighted: true, sign: 'reward' },
  overdue_item: { label: '逾期事项', counts: '办理时限在考核期内、到期未销号的任务，每项计一次（以任务时限和销号记录为准）', weighted: true, sign: 'penalty' },
  overdue_day: { label: '逾期工作日', counts: '上述逾期任务每逾期一个工作日计一次，算至销号日或考核期末（按工作日历）', weighted: true, sign: 'penalty' },
  report_returned: { label: '进展报告被退回', counts: '考核期内被协调办退回的进展报告（以审核记录为准）', weighted: true, sign: 'penalty' },
  supervision_notice: { label: '收到督办通知书', counts: '考核期内印发、主送本单位且未作废的督办通知书', weighted: false, sign: 'penalty' },
  circular: { label: '被通报', counts: '考核期内印发、未作废且在逾期事项表中点名本单位的通报', weighted: false, sign: 'penalty' },
  interview_letter: { label: '被约谈', counts: '考核期内印发、主送本单位且未作废的约谈通知书', weighted: false, sign: 'penalty' },
  card_listed: { label: '被挂牌', counts: '考核期内挂牌（黄牌或红牌）的挂牌整治记录，以挂牌日为准', weighted: false, sign: 'penalty' },
  rectification_overdue: { label: '整改逾期', counts: '整改时限在考核期内、到期未销号的整改事项', weighted: false, sign: 'penalty' },
  rectification_signed_off: { label: '整改销号', counts: '考核期内验收销号的整改事项', weighted: false, sign: 'reward' },
  target_met: { label: '目标达成', counts: '办理时限在考核期内、有量化目标的任务，最近报送的指标值达到目标', weighted: true, sign: 'reward' },
  target_missed: { label: '目标未达成', counts: '办理时限在考核期内、有量化目标的任务，指标值未达到目标或未报送', weighted: true, sign: 'penalty' },
};

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' };

/** Points for one outcome (negative for a deduction) and the most the rule moves a unit's score in a period. */
export interface RuleSetting {
  points: number;
  /** The most the rule adds or deducts for one unit in one period; null for no cap. */
  cap: number | null;
}

export interface AssessmentRules {
  baseScore: number;
  /** Multiplies the points of task outcomes by the unit's role in the task. */
  leadWeight: number;
  cooperatingWeight: number;
  /** The period the office ranks by default. */
  periodKind: PeriodKind;
  /** Working days after publication during which a unit may object to a line. */
  objectionDays: number;
  items: Record<RuleKey, RuleSetting>;
}

export const DEFAULT_RULES: AssessmentRules = {
  baseScore: 100,
  leadWeight: 1,
  cooperatingWeight: 0.5,
  periodKind: 'quarter',
  objectionDays: 5,
  items: {
    closed_on_time: { points: 1, cap: 10 },
    overdue_item: { points: -2, cap: 20 },
    overdue_day: { points: -0.2, cap: 10 },
    report_returned: { points: -0.5, cap: 5 },
    supervision_notice: { points: -2, cap: 10 },
    circular: { points: -3, cap: 9 },
    interview_letter: { points: -5, cap: 10 },
    card_listed: { points: -5, cap: 10 },
    rectification_overdue: { points: -2, cap: 10 },
    rectification_signed_off: { points: 1, cap: 5 },
    target_met: { points: 2, cap: 10 },
    target_missed: { points: -2, cap: 10 },
  },
};

/** The first and last day of a period, and what people call it. */
export interface PeriodBounds {
  startOn: IsoDate;
  endOn: IsoDate;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Month 1–12, quarter 1–4, year 1; anything else is refused by the DTO before it gets here. */
export function periodBounds(kind: PeriodKind, year: number, number: number): PeriodBounds {
  const [first, last, label] =
    kind === 'month' ? [number, number, `${year}年${number}月`] : kind === 'quarter' ? [number * 3 - 2, number * 3, `${year}年第${number}季度`] : [1, 12, `${year}年度`];
  return { startOn: `${year}-${pad(first)}-01`, endOn: `${year}-${pad(last)}-${pad(lastDay(year, last))}`, label };
}

export const PERIOD_NUMBERS: Record<PeriodKind, number> = { month: 12, quarter: 4, year: 1 };

/** Which numbers a kind of period takes, as a person reads it: 月度考核的期次应为 1—12; 年度考核的期次只能为 1. */
export function periodNumberProblem(kind: PeriodKind, number: number): string | null {
  const last = PERIOD_NUMBERS[kind];
  if (number >= 1 && number <= last) return null;
  return last === 1 ? `${PERIOD_KIND_LABELS[kind]}考核的期次只能为 1` : `${PERIOD_KIND_LABELS[kind]}考核的期次应为 1—${last}`;
}

/** What is wrong with a rule's points for its sign: a reward cannot deduct, a penalty cannot add. */
export function rulePointsProblem(key: RuleKey, points: number): string | null {
  const { label, sign } = RULE_INFO[key];
  if (sign === 'reward' && points < 0) return `${label}是加分项，分值应为 0 或正数`;
  if (sign === 'penalty' && points > 0) return `${label}是扣分项，分值应为 0 或负数（如 -2）`;
  return null;
}

/**
 * What is wrong with a line's corrected points: the same as now (nothing to correct), the wrong sign for
 * its rule, or more than the rule's cap leaves once the unit's other lines of that rule are counted.
 */
export function correctionProblem(line: { rule: RuleKey; points: number }, corrected: number, setting: RuleSetting, otherPointsOfRule: readonly number[]): string | null {
  if (corrected === line.points) return `更正后的分值与现行分值（${line.points} 分）相同，无须采纳；不更正分值的，请驳回申诉并说明理由`;
  const wrongSign = rulePointsProblem(line.rule, corrected);
  if (wrongSign) return `更正后的分值不符合规则：${wrongSign}`;
  if (setting.cap === null) return null;
  const used = otherPointsOfRule.reduce((sum, p) => sum + Math.round(Math.abs(p) * 100), 0) / 100;
  const room = Math.max(0, Math.round((setting.cap - used) * 100) / 100);
  if (Math.abs(corrected) > room) return `${RULE_INFO[line.rule].label}每期对一个单位最多计 ${setting.cap} 分，本单位其他各行已计 ${used} 分，更正后的分值不能超过 ${room} 分（绝对值）`;
  return null;
}

/** The period of this kind that ended last before `today` (the one to rank now). */
export function previousPeriod(kind: PeriodKind, today: IsoDate): { year: number; number: number } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return { year: year - 1, number: 1 };
  const current = kind === 'month' ? month : Math.ceil(month / 3);
  return current === 1 ? { year: year - 1, number: PERIOD_NUMBERS[kind] } : { year, number: current - 1 };
}

/** A recorded outcome of one unit in the period, with the record it comes from. */
export interface Outcome {
  unitId: number;
  rule: RuleKey;
  /** The day it happened (closed, issued, listed, the deadline missed). */
  on: IsoDate;
  /** What happened, in words, e.g. “DB-2026-0012 在时限 2026-03-31 前销号”. */
  event: string;
  recordType: 'assignment' | 'report' | 'notice' | 'listing' | 'rectification';
  recordId: number;
  /** Where the record is shown. */
  link: string;
  /** The unit's role in the task, for weighted rules. */
  role: AssignmentRole | null;
  /** How many times the points count (working days late); 1 otherwise. */
  quantity: number;
}

/** Whether a reported value meets its target under the directive's comparator; no value reported misses it. */
export function meetsTarget(comparator: 'gte' | 'lte' | 'eq', target: number, value: number | null): boolean {
  if (value === null) return false;
  return comparator === 'gte' ? value >= target : comparator === 'lte' ? value <= target : value === target;
}
