import { StateMachine, Transition } from '../common/state-machine';

export const ASSIGNMENT_STATUSES = ['issued', 'acknowledged', 'in_progress', 'completion_requested', 'closed', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  issued: '待签收',
  acknowledged: '已签收',
  in_progress: '办理中',
  completion_requested: '申请办结',
  closed: '已销号',
  cancelled: '已撤销',
};

export const ASSIGNMENT_ACTIONS = ['acknowledge', 'report', 'request_completion', 'request_extension', 'close', 'return_completion', 'cancel'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

export const ACTION_LABELS: Record<AssignmentAction, string> = {
  acknowledge: '签收',
  report: '报送进展',
  request_completion: '申请办结',
  request_extension: '申请延期',
  close: '销号',
  return_completion: '退回办结申请',
  cancel: '撤销',
};

interface Rule extends Transition<AssignmentStatus> {
  /** Who takes this step: the unit doing the work or the coordination office. */
  by: 'unit' | 'office';
  reasonRequired: boolean;
}

/** The states of an assignment still being worked on. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['issued', 'acknowledged', 'in_progress', 'completion_requested'];
const OPEN = OPEN_STATUSES;

/** The whole life of an assignment: issued → acknowledged → in progress → completion requested → closed. */
const RULES: Record<AssignmentAction, Rule> = {
  acknowledge: { by: 'unit', from: ['issued'], to: 'acknowledged', reasonRequired: false },
  report: { by: 'unit', from: ['acknowledged', 'in_progress'], to: 'in_progress', reasonRequired: false },
  request_completion: { by: 'unit', from: ['in_progress'], to: 'completion_requested', reasonRequired: false },
  request_extension: { by: 'unit', from: ['issued', 'acknowledged', 'in_progress'], to: null, reasonRequired: true },
  close: { by: 'office', from: ['completion_requested'], to: 'closed', reasonRequired: false },
  return_completion: { by: 'office', from: ['completion_requested'], to: 'in_progress', reasonRequired: true },
  cancel: { by: 'office', from: OPEN, to: 'cancelled', reasonRequired: true },
};

const MACHINE = new StateMachine<AssignmentStatus, AssignmentAction, Rule>(RULES, (status, action) => `任务当前为“${STATUS_LABELS[status]}”，不能${ACTION_LABELS[action]}`);

/** The state after `action`, or an IllegalTransitionError when the state does not allow it. */
export function nextStatus(status: AssignmentStatus, action: AssignmentAction): AssignmentStatus {
  return MACHINE.assertTransition(status, action);
}

/** The steps open to one side in a state, for the buttons a page shows. */
export function availableActions(status: AssignmentStatus, by: 'unit' | 'office'): AssignmentAction[] {
  return MACHINE.available(status, (rule) => rule.by === by);
}

export function reasonRequired(action: AssignmentAction): boolean {
  return MACHINE.transition(action).reasonRequired;
}

export function isOpen(status: AssignmentStatus): boolean {
  return OPEN.includes(status);
}

/** Whether the unit is still expected to act: open and not waiting for the office's review of its completion. */
export function awaitsUnit(status: AssignmentStatus): boolean {
  return isOpen(status) && status !== 'completion_requested';
}
