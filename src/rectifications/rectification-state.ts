import { StateMachine, Transition } from '../common/state-machine';

/**
 * The life of a rectification item (整改事项): recorded as a finding, issued to the unit, a plan
 * (整改方案) reviewed, a report with evidence (整改报告) verified and signed off (销号), and reopened when a
 * later re-check (回头看) finds the problem back.
 */
export const RECTIFICATION_STATUSES = ['draft', 'issued', 'plan_submitted', 'plan_returned', 'plan_accepted', 'report_submitted', 'report_returned', 'signed_off', 'reopened', 'cancelled'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  draft: '待下发',
  issued: '待报整改方案',
  plan_submitted: '方案待审核',
  plan_returned: '方案被退回',
  plan_accepted: '整改中',
  report_submitted: '报告待验收',
  report_returned: '报告被退回',
  signed_off: '已销号',
  reopened: '已重新整改',
  cancelled: '已撤销',
};

export const RECTIFICATION_ACTIONS = ['issue', 'submit_plan', 'accept_plan', 'return_plan', 'submit_report', 'sign_off', 'return_report', 'reopen', 'cancel'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction, string> = {
  issue: '下发',
  submit_plan: '报送整改方案',
  accept_plan: '通过整改方案',
  return_plan: '退回整改方案',
  submit_report: '报送整改报告',
  sign_off: '验收销号',
  return_report: '退回整改报告',
  reopen: '回头看发现问题反弹，重新整改',
  cancel: '撤销',
};

/** What the unit is expected to do next, in the unit's words; null when nothing is asked of it. */
export const NEXT_STEP_FOR_UNIT: Record<RectificationStatus, string | null> = {
  draft: null,
  issued: '制定并报送整改方案',
  plan_submitted: '等待协调办审核整改方案，同时抓紧整改',
  plan_returned: '按退回意见修改后重新报送整改方案',
  plan_accepted: '按方案整改到位后，报送整改报告并附佐证材料',
  report_submitted: '等待协调办验收',
  report_returned: '按退回意见继续整改，重新报送整改报告',
  signed_off: null,
  reopened: '问题反弹：重新制定并报送整改方案',
  cancelled: null,
};

interface Rule extends Transition<RectificationStatus> {
  by: 'unit' | 'office';
  reasonRequired: boolean;
}

const OPEN: readonly RectificationStatus[] = ['issued', 'plan_submitted', 'plan_returned', 'plan_accepted', 'report_submitted', 'report_returned', 'reopened'];

const RULES: Record<RectificationAction, Rule> = {
  issue: { by: 'office', from: ['draft'], to: 'issued', reasonRequired: false },
  submit_plan: { by: 'unit', from: ['issued', 'plan_returned', 'reopened'], to: 'plan_submitted', reasonRequired: false },
  accept_plan: { by: 'office', from: ['plan_submitted'], to: 'plan_accepted', reasonRequired: false },
  return_plan: { by: 'office', from: ['plan_submitted'], to: 'plan_returned', reasonRequired: true },
  submit_report: { by: 'unit', from: ['plan_accepted', 'report_returned'], to: 'report_submitted', reasonRequired: false },
  sign_off: { by: 'office', from: ['report_submitted'], to: 'signed_off', reasonRequired: false },
  return_report: { by: 'office', from: ['report_submitted'], to: 'report_returned', reasonRequired: true },
  reopen: { by: 'office', from: ['signed_off'], to: 'reopened', reasonRequired: true },
  cancel: { by: 'office', from: ['draft', ...OPEN], to: 'cancelled', reasonRequired: true },
};

const MACHINE = new StateMachine<RectificationStatus, RectificationAction, Rule>(RULES, (status, action) => `整改事项当前为“${RECTIFICATION_STATUS_LABELS[status]}”，不能${RECTIFICATION_ACTION_LABELS[action]}`);

/** The state after `action`, or an IllegalTransitionError when the state does not allow it. */
export function nextRectificationStatus(status: RectificationStatus, action: RectificationAction): RectificationStatus {
  return MACHINE.assertTransition(status, action);
}

/** The steps open to one side in a state, for the buttons a page shows. */
export function rectificationActions(status: RectificationStatus, by: 'unit' | 'office'): RectificationAction[] {
  return MACHINE.available(status, (rule) => rule.by === by);
}

export function rectificationReasonRequired(action: RectificationAction): boolean {
  return MACHINE.transition(action).reasonRequired;
}

/** Issued and not yet finished: signed off and cancelled items are done, drafts have not started. */
export function isOpenRectification(status: RectificationStatus): boolean {
  return OPEN.includes(status);
}

/**
 * Whether the unit is still being chased: open and not waiting for the office to verify its report.
 * A plan under review does not stop the clock: the fix itself is due by the deadline.
 */
export function rectificationAwaitsUnit(status: RectificationStatus): boolean {
  return isOpenRectification(status) && status !== 'report_submitted';
}

export const OPEN_RECTIFICATION_STATUSES = OPEN;
/** Open items the unit still owes work on: these are the ones that can be overdue. */
export const CHASED_RECTIFICATION_STATUSES: readonly RectificationStatus[] = OPEN.filter(rectificationAwaitsUnit);
