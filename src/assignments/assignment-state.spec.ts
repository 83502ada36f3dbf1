import { IllegalTransitionError } from '../common/state-machine';
import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATUSES,
  AssignmentAction,
  AssignmentStatus,
  availableActions,
  awaitsUnit,
  isOpen,
  nextStatus,
  reasonRequired,
} from './assignment-state';

/** The expected table: state × action → next state, or '—' where the step is not allowed. */
const EXPECTED: Record<AssignmentStatus, Record<AssignmentAction, AssignmentStatus | '—'>> = {
  issued: { acknowledge: 'acknowledged', report: '—', request_completion: '—', request_extension: 'issued', close: '—', return_completion: '—', cancel: 'cancelled' },
  acknowledged: { acknowledge: '—', report: 'in_progress', request_completion: '—', request_extension: 'acknowledged', close: '—', return_completion: '—', cancel: 'cancelled' },
  in_progress: { acknowledge: '—', report: 'in_progress', request_completion: 'completion_requested', request_extension: 'in_progress', close: '—', return_completion: '—', cancel: 'cancelled' },
  completion_requested: { acknowledge: '—', report: '—', request_completion: '—', request_extension: '—', close: 'closed', return_completion: 'in_progress', cancel: 'cancelled' },
  closed: { acknowledge: '—', report: '—', request_completion: '—', request_extension: '—', close: '—', return_completion: '—', cancel: '—' },
  cancelled: { acknowledge: '—', report: '—', request_completion: '—', request_extension: '—', close: '—', return_completion: '—', cancel: '—' },
};

describe('assignment state machine', () => {
  for (const status of ASSIGNMENT_STATUSES) {
    for (const action of ASSIGNMENT_ACTIONS) {
      const expected = EXPECTED[status][action];
      it(`${status} × ${action} → ${expected}`, () => {
        if (expected === '—') {
          expect(() => nextStatus(status, action)).toThrow(IllegalTransitionError);
        } else {
          expect(nextStatus(status, action)).toBe(expected);
        }
      });
    }
  }

  it('explains a refused step in Chinese with the current state', () => {
    expect(() => nextStatus('closed', 'report')).toThrow('任务当前为“已销号”，不能报送进展');
  });

  it('offers each side only its own steps', () => {
    expect(availableActions('issued', 'unit')).toEqual(['acknowledge', 'request_extension']);
    expect(availableActions('issued', 'office')).toEqual(['cancel']);
    expect(availableActions('completion_requested', 'office')).toEqual(['close', 'return_completion', 'cancel']);
    expect(availableActions('closed', 'office')).toEqual([]);
  });

  it('requires a reason to return, cancel or ask for more time', () => {
    expect(ASSIGNMENT_ACTIONS.filter(reasonRequired)).toEqual(['request_extension', 'return_completion', 'cancel']);
  });

  it('treats closed and cancelled as finished', () => {
    expect(ASSIGNMENT_STATUSES.filter(isOpen)).toEqual(['issued', 'acknowledged', 'in_progress', 'completion_requested']);
  });

  it('chases a unit only while the work is in its hands', () => {
    expect(ASSIGNMENT_STATUSES.filter(awaitsUnit)).toEqual(['issued', 'acknowledged', 'in_progress']);
  });
});
