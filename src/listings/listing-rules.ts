import { IsoDate, parseIsoDate } from '../calendar/working-calendar';
import { StateMachine } from '../common/state-machine';

export const CARDS = ['yellow', 'red'] as const;
export type Card = (typeof CARDS)[number];
export const CARD_LABELS: Record<Card, string> = { yellow: '黄牌', red: '红牌' };

export const LISTING_STATUSES = ['proposed', 'active', 'dismissed', 'superseded', 'delisted'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const LISTING_STATUS_LABELS: Record<ListingStatus, string> = { proposed: '拟挂牌待审批', active: '挂牌中', dismissed: '未予挂牌', superseded: '已升为红牌', delisted: '已摘牌' };

/** The office's decisions on a listing, and the supersession a higher card brings. */
export const LISTING_ACTIONS = ['list', 'approve', 'dismiss', 'lower', 'delist', 'supersede'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];
export const LISTING_ACTION_LABELS: Record<ListingAction, string> = { list: '挂牌', approve: '批准挂牌', dismiss: '不予挂牌', lower: '降为黄牌', delist: '摘牌', supersede: '升为红牌' };

/** A listing is put forward (or decided by the office at once), hangs until delisted or superseded by a higher card. */
const LISTING_MACHINE = new StateMachine<ListingStatus, ListingAction>(
  {
    list: { from: ['proposed'], to: 'active' },
    approve: { from: ['proposed'], to: 'active' },
    dismiss: { from: ['proposed'], to: 'dismissed' },
    lower: { from: ['active'], to: null },
    delist: { from: ['active'], to: 'delisted' },
    supersede: { from: ['active'], to: 'superseded' },
  },
  (status, action) => `该挂牌记录当前为“${LISTING_STATUS_LABELS[status]}”，不能${LISTING_ACTION_LABELS[action]}`,
);

/** The state after `action`, or an IllegalTransitionError when the listing's state does not allow it. */
export function nextListingStatus(status: ListingStatus, action: ListingAction): ListingStatus {
  return LISTING_MACHINE.assertTransition(status, action);
}

/** Who put the listing forward: the office itself, a listing rule, or a card rung of the escalation ladder. */
export const LISTING_ORIGINS = ['office', 'rule', 'ladder'] as const;
export type ListingOrigin = (typeof LISTING_ORIGINS)[number];
export const LISTING_ORIGIN_LABELS: Record<ListingOrigin, string> = { office: '协调办决定', rule: '规则提请', ladder: '督办阶梯提请' };

export const LISTING_RULE_KEYS = ['overdue_items', 'repeat_interview'] as const;
export type ListingRuleKey = (typeof LISTING_RULE_KEYS)[number];
export const LISTING_RULE_LABELS: Record<ListingRuleKey, string> = { overdue_items: '逾期事项达到 K 项', repeat_interview: '一个季度内被约谈达到 K 次' };

/** Measurable conditions for delisting; the office's free text says the rest. */
export interface DelistingConditions {
  /** No item (task or rectification) overdue during the last N days, none overdue now. */
  noOverdueDays: number | null;
  /** Every rectification item of the unit signed off (none open). */
  allSignedOff: boolean;
}

export const cardRank = (card: Card): number => CARDS.indexOf(card);

/** One item's deadline and the day it stopped being chased; `settledOn` null while the unit still owes it. */
export interface DeadlineRecord {
  deadline: IsoDate;
  settledOn: IsoDate | null;
}

export interface UnitStanding {
  records: DeadlineRecord[];
  openRectifications: number;
}

const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((parseIsoDate(to) - parseIsoDate(from)) / 86_400_000);

/** The last day on which one of these items was overdue (today while one still is), or null if none ever was. */
export function lastOverdueDay(records: DeadlineRecord[], today: IsoDate): IsoDate | null {
  let last: IsoDate | null = null;
  for (const { deadline, settledOn } of records) {
    if (deadline >= today && settledOn === null) continue;
    const end = settledOn ?? today;
    // Overdue from the day after the deadline until it was settled.
    if (end > deadline && (last === null || end > last)) last = end;
  }
  return last;
}

/** The measurable conditions not met yet, in words for the office; empty when delisting may go ahead. */
export function unmetConditions(conditions: DelistingConditions, standing: UnitStanding, today: IsoDate): string[] {
  const unmet: string[] = [];
  if (conditions.noOverdueDays !== null) {
    const last = lastOverdueDay(standing.records, today);
    if (last !== null && daysBetween(last, today) < conditions.noOverdueDays) {
      unmet.push(last === today ? `仍有逾期未办结事项（要求连续 ${conditions.noOverdueDays} 天无逾期）` : `最近一次逾期在 ${last}，未满 ${conditions.noOverdueDays} 天无逾期`);
    }
  }
  if (conditions.allSignedOff && standing.openRectifications > 0) unmet.push(`还有 ${standing.openRectifications} 项整改事项未销号`);
  return unmet;
}

export interface ListingRuleSetting {
  key: ListingRuleKey;
  enabled: boolean;
  threshold: number;
  card: Card;
}

/** What the rules look at for one unit. */
export interface UnitFigures {
  unitId: number;
  unitName: string;
  overdueItems: number;
  interviewsThisQuarter: number;
}

export interface Proposal {
  unitId: number;
  card: Card;
  key: string;
  reason: string;
}

/** The quarter a day falls in, e.g. `2026Q4`. */
export const quarterOf = (date: IsoDate): string => `${date.slice(0, 4)}Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/**
 * The listings the rules propose today. A unit already listed (or proposed) with the same or a higher
 * card gets nothing more; each proposal's key makes it once per month (overdue items) or per quarter
 * (interviews), so a proposal the office dismissed is not put again the next day.
 */
export function proposeListings(rules: ListingRuleSetting[], figures: UnitFigures[], listed: Map<number, Card>, today: IsoDate): Proposal[] {
  const proposals: Proposal[] = [];
  for (const unit of figures) {
    for (const rule of rules) {
      if (!rule.enabled) continue;
      const current = listed.get(unit.unitId);
      if (current !== undefined && cardRank(current) >= cardRank(rule.card)) continue;
      if (rule.key === 'overdue_items' && unit.overdueItems >= rule.threshold) {
        proposals.push({ unitId: unit.unitId, card: rule.card, key: `overdue_items:${unit.unitId}:${today.slice(0, 7)}`, reason: `${unit.unitName}有 ${unit.overdueItems} 项督办或整改事项逾期未办结（规则：达到 ${rule.threshold} 项提请挂${CARD_LABELS[rule.card]}）。` });
      } else if (rule.key === 'repeat_interview' && unit.interviewsThisQuarter >= rule.threshold) {
        proposals.push({ unitId: unit.unitId, card: rule.card, key: `repeat_interview:${unit.unitId}:${quarterOf(today)}`, reason: `${unit.unitName}本季度已被约谈 ${unit.interviewsThisQuarter} 次（规则：一个季度内达到 ${rule.threshold} 次提请挂${CARD_LABELS[rule.card]}）。` });
      } else continue;
      // One proposal per unit per check: the first rule that fires.
      break;
    }
  }
  return proposals;
}
