import { IllegalTransitionError } from '../common/state-machine';
import {
  CHASED_RECTIFICATION_STATUSES,
  nextRectificationStatus,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_STATUSES,
  RectificationAction,
  rectificationActions,
  rectificationAwaitsUnit,
  rectificationReasonRequired,
  RectificationStatus,
} from './rectification-state';

const _ = '—' as const;
/** The expected table, in the order of RECTIFICATION_ACTIONS: issue, submit_plan, accept_plan, return_plan, submit_report, sign_off, return_report, reopen, cancel. */
const EXPECTED: Record<RectificationStatus, (RectificationStatus | typeof _)[]> = {
  draft: ['issued', _, _, _, _, _, _, _, 'cancelled'],
  issued: [_, 'plan_submitted', _, _, _, _, _, _, 'cancelled'],
  plan_submitted: [_, _, 'plan_accepted', 'plan_returned', _, _, _, _, 'cancelled'],
  plan_returned: [_, 'plan_submitted', _, _, _, _, _, _, 'cancelled'],
  plan_accepted: [_, _, _, _, 'report_submitted', _, _, _, 'cancelled'],
  report_submitted: [_, _, _, _, _, 'signed_off', 'report_returned', _, 'cancelled'],
  report_returned: [_, _, _, _, 'report_submitted', _, _, _, 'cancelled'],
  signed_off: [_, _, _, _, _, _, _, 'reopened', _],
  reopened: [_, 'plan_submitted', _, _, _, _, _, _, 'cancelled'],
  cancelled: [_, _, _, _, _, _, _, _, _],
};

describe('rectification state machine', () => {
  for (const status of RECTIFICATION_STATUSES) {
    RECTIFICATION_ACTIONS.forEach((action, i) => {
      const expected = EXPECTED[status][i];
      it(`${status} × ${action} → ${expected}`, () => {
        if (expected === _) {
          expect(() => nextRectificationStatus(status, action)).toThrow(IllegalTransitionError);
        } else {
          expect(nextRectificationStatus(status, action)).toBe(expected);
        }
      });
    });
  }

  it('names the state and the step in the error, for a 409 a person understands', () => {
    expect(() => nextRectificationStatus('signed_off', 'submit_report')).toThrow('整改事项当前为“已销号”，不能报送整改报告');
  });

  it('offers each side only its own steps', () => {
    expect(rectificationActions('plan_submitted', 'unit')).toEqual([]);
    expect(rectificationActions('plan_submitted', 'office')).toEqual(['accept_plan', 'return_plan', 'cancel']);
    expect(rectificationActions('reopened', 'unit')).toEqual(['submit_plan']);
    expect(rectificationActions('signed_off', 'office')).toEqual(['reopen']);
  });

  it('asks for a reason when sending work back, reopening or cancelling', () => {
    const withReason: RectificationAction[] = RECTIFICATION_ACTIONS.filter(rectificationReasonRequired);
    expect(withReason).toEqual(['return_plan', 'return_report', 'reopen', 'cancel']);
  });

  it('keeps chasing the unit until its report is in, plan review or not', () => {
    expect(CHASED_RECTIFICATION_STATUSES).toEqual(['issued', 'plan_submitted', 'plan_returned', 'plan_accepted', 'report_returned', 'reopened']);
    expect(rectificationAwaitsUnit('report_submitted')).toBe(false);
    expect(rectificationAwaitsUnit('draft')).toBe(false);
  });
});
