import { IllegalTransitionError } from '../common/state-machine';
import { lastOverdueDay, LISTING_ACTIONS, LISTING_STATUSES, ListingAction, ListingRuleSetting, ListingStatus, nextListingStatus, proposeListings, quarterOf, unmetConditions } from './listing-rules';

describe('delisting conditions', () => {
  const today = '2026-11-24';

  it('finds the last day anything was overdue: today while an item still is', () => {
    expect(lastOverdueDay([], today)).toBeNull();
    expect(lastOverdueDay([{ deadline: '2026-12-01', settledOn: null }], today)).toBeNull();
    expect(lastOverdueDay([{ deadline: '2026-10-01', settledOn: '2026-09-30' }], today)).toBeNull();
    expect(lastOverdueDay([{ deadline: '2026-10-01', settledOn: '2026-10-10' }, { deadline: '2026-10-05', settledOn: '2026-10-20' }], today)).toBe('2026-10-20');
    expect(lastOverdueDay([{ deadline: '2026-11-20', settledOn: null }], today)).toBe(today);
  });

  it('holds delisting until the unit has gone N days without anything overdue', () => {
    const conditions = { noOverdueDays: 30, allSignedOff: false };
    expect(unmetConditions(conditions, { records: [{ deadline: '2026-10-01', settledOn: '2026-10-30' }], openRectifications: 0 }, today)).toEqual(['最近一次逾期在 2026-10-30，未满 30 天无逾期']);
    expect(unmetConditions(conditions, { records: [{ deadline: '2026-10-01', settledOn: '2026-10-25' }], openRectifications: 0 }, today)).toEqual([]);
    expect(unmetConditions(conditions, { records: [{ deadline: '2026-11-01', settledOn: null }], openRectifications: 0 }, today)).toEqual(['仍有逾期未办结事项（要求连续 30 天无逾期）']);
  });

  it('holds delisting while rectification items are open, when the office asked for all to be signed off', () => {
    expect(unmetConditions({ noOverdueDays: null, allSignedOff: true }, { records: [], openRectifications: 2 }, today)).toEqual(['还有 2 项整改事项未销号']);
    expect(unmetConditions({ noOverdueDays: null, allSignedOff: false }, { records: [], openRectifications: 2 }, today)).toEqual([]);
  });
});

describe('listing rules', () => {
  const rules: ListingRuleSetting[] = [
    { key: 'overdue_items', enabled: true, threshold: 3, card: 'yellow' },
    { key: 'repeat_interview', enabled: true, threshold: 2, card: 'red' },
  ];
  const unit = (unitId: number, overdueItems: number, interviewsThisQuarter: number) => ({ unitId, unitName: `单位${unitId}`, overdueItems, interviewsThisQuarter });

  it('proposes a card when a unit reaches a threshold, keyed by month or quarter', () => {
    const proposals = proposeListings(rules, [unit(1, 3, 0), unit(2, 2, 1), unit(3, 0, 2)], new Map(), '2026-11-24');
    expect(proposals.map((p) => [p.unitId, p.card, p.key])).toEqual([
      [1, 'yellow', 'overdue_items:1:2026-11'],
      [3, 'red', 'repeat_interview:3:2026Q4'],
    ]);
    expect(proposals[0].reason).toBe('单位1有 3 项督办或整改事项逾期未办结（规则：达到 3 项提请挂黄牌）。');
  });

  it('leaves alone units already listed with the same or a higher card, and disabled rules', () => {
    const listed = new Map([[1, 'yellow' as const], [3, 'red' as const]]);
    expect(proposeListings(rules, [unit(1, 5, 0), unit(3, 5, 3)], listed, '2026-11-24')).toEqual([]);
    // A yellow card does not stop a red proposal.
    expect(proposeListings(rules, [unit(1, 0, 2)], listed, '2026-11-24').map((p) => p.card)).toEqual(['red']);
    expect(proposeListings(rules.map((r) => ({ ...r, enabled: false })), [unit(1, 9, 9)], new Map(), '2026-11-24')).toEqual([]);
  });

  it('names quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q4']);
  });
});

const _ = '—' as const;
/** The expected table, in the order of LISTING_ACTIONS: list, approve, dismiss, lower, delist, supersede. */
const EXPECTED: Record<ListingStatus, (ListingStatus | typeof _)[]> = {
  proposed: ['active', 'active', 'dismissed', _, _, _],
  active: [_, _, _, 'active', 'delisted', 'superseded'],
  dismissed: [_, _, _, _, _, _],
  superseded: [_, _, _, _, _, _],
  delisted: [_, _, _, _, _, _],
};

describe('listing state machine', () => {
  for (const status of LISTING_STATUSES) {
    LISTING_ACTIONS.forEach((action: ListingAction, i) => {
      const expected = EXPECTED[status][i];
      it(`${status} × ${action} → ${expected}`, () => {
        if (expected === _) expect(() => nextListingStatus(status, action)).toThrow(IllegalTransitionError);
        else expect(nextListingStatus(status, action)).toBe(expected);
      });
    });
  }

  it('names the state and the step in the refusal', () => {
    expect(() => nextListingStatus('delisted', 'delist')).toThrow('该挂牌记录当前为“已摘牌”，不能摘牌');
    expect(() => nextListingStatus('active', 'approve')).toThrow('该挂牌记录当前为“挂牌中”，不能批准挂牌');
  });
});
