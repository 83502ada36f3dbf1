import { AssessmentRules, Outcome, RULE_INFO, RuleKey } from './assessment-rules';

/** One scored outcome: the rule, the event, the points it gave after the cap, and where its record is. */
export interface ScoreLine {
  /** Its place in the unit's lines, the same in every version of a period's snapshot. */
  seq: number;
  unitId: number;
  rule: RuleKey;
  on: string;
  event: string;
  recordType: Outcome['recordType'];
  recordId: number;
  link: string;
  quantity: number;
  weight: number;
  /** Points before the cap. */
  raw: number;
  points: number;
  /** The cap cut this line (wholly or in part). */
  capped: boolean;
}

export interface UnitScore {
  unitId: number;
  unitName: string;
  base: number;
  total: number;
  /** 1 + the number of units with a higher total: units with equal totals share a rank. */
  rank: number;
  /** Another unit has the same total; the order among them is the units' own order. */
  tied: boolean;
  lines: ScoreLine[];
}

/** Points are kept in hundredths while adding, so 0.1 + 0.2 is 0.3. */
const cents = (points: number) => Math.round(points * 100);
const fromCents = (value: number) => value / 100;

const byOccurrence = (a: Outcome, b: Outcome) => a.on.localeCompare(b.on) || a.recordType.localeCompare(b.recordType) || a.recordId - b.recordId || a.rule.localeCompare(b.rule);

/**
 * Scores and ranks units for one period from the outcomes recorded in it: each unit starts at the base
 * score; each outcome gives its rule's points (times working days for a per-day rule, times the
 * role's weight for a task outcome); a rule's lines stop counting, oldest first, once its cap is reached.
 * Units come back ranked: highest total first, equal totals in the order `units` gives them.
 */
export function scoreUnits(units: ReadonlyArray<{ unitId: number; unitName: string }>, outcomes: readonly Outcome[], rules: AssessmentRules): UnitScore[] {
  const byUnit = new Map<number, Outcome[]>();
  for (const outcome of outcomes) byUnit.set(outcome.unitId, [...(byUnit.get(outcome.unitId) ?? []), outcome]);
  const scored = units.map((unit) => {
    const own = (byUnit.get(unit.unitId) ?? []).sort(byOccurrence);
    const used = new Map<RuleKey, number>();
    const lines = own.map((outcome, i): ScoreLine => {
      const setting = rules.items[outcome.rule];
      const weight = RULE_INFO[outcome.rule].weighted ? (outcome.role === 'cooperating' ? rules.cooperatingWeight : rules.leadWeight) : 1;
      const raw = Math.round(cents(setting.points) * outcome.quantity * weight);
      const spent = used.get(outcome.rule) ?? 0;
      const room = setting.cap === null ? Math.abs(raw) : Math.max(0, cents(setting.cap) - spent);
      const magnitude = Math.min(Math.abs(raw), room);
      used.set(outcome.rule, spent + magnitude);
      const { unitId, rule, on, event, recordType, recordId, link, quantity } = outcome;
      return { seq: i + 1, unitId, rule, on, event, recordType, recordId, link, quantity, weight, raw: fromCents(raw), points: magnitude === 0 ? 0 : fromCents(Math.sign(raw) * magnitude), capped: magnitude < Math.abs(raw) };
    });
    return { ...unit, base: rules.baseScore, lines };
  });
  return rankUnits(scored.map((s) => ({ ...s, total: totalOf(s.base, s.lines) })));
}

/** The base plus every line's points. */
export function totalOf(base: number, lines: ReadonlyArray<{ points: number }>): number {
  return fromCents(lines.reduce((sum, line) => sum + cents(line.points), cents(base)));
}

/** Highest total first; equal totals keep their given order, share a rank and are marked tied. */
export function rankUnits<T extends { total: number }>(units: readonly T[]): Array<T & { rank: number; tied: boolean }> {
  const ordered = units.map((unit, order) => ({ unit, order })).sort((a, b) => b.unit.total - a.unit.total || a.order - b.order);
  const count = (total: number) => units.filter((u) => u.total === total).length;
  return ordered.map(({ unit }) => ({ ...unit, rank: 1 + units.filter((u) => u.total > unit.total).length, tied: count(unit.total) > 1 }));
}
