/**
 * The 台账 as worksheets: the columns of each, with Chinese headers, over the rows the ledger service
 * reads. The directives' first sheet has the columns of a task-division table (编号 / 任务 / 牵头单位 /
 * 配合单位 / 完成时限 / 目标), so an exported ledger can be loaded again as one.
 */
import { STATUS_LABELS } from '../assignments/assignment-state';
import { ASSIGNMENT_ROLE_LABELS, AssignmentRole } from '../assignments/assignment.entity';
import type { AssignmentStatus } from '../assignments/assignment-state';
import { Comparator, PRIORITY_LABELS, Priority, ReportCycle } from '../directives/directive.entity';
import { NOTICE_STATUS_LABELS, NoticeStatus } from '../notices/notice.entity';
import { RECTIFICATION_STATUS_LABELS, RectificationStatus } from '../rectifications/rectification-state';
import type { ColumnSpec } from '../spreadsheets/workbook-writer';
import { targetText } from './directive-rows';

export interface LedgerDirective {
  code: string;
  title: string;
  category: string;
  priority: Priority;
  deadline: string | null;
  reportCycle: ReportCycle | null;
  reportDay: number | null;
  metric: { name: string; unit: string; comparator: Comparator; target: number } | null;
}

export interface DirectiveRow {
  directive: LedgerDirective;
  lead: string;
  cooperating: string[];
  units: number;
  closed: number;
  overdue: number;
}

export interface TaskRow {
  directive: LedgerDirective;
  unit: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  deadline: string | null;
  overdue: boolean;
  percentDone: number;
  targetValue: number | null;
  metricValue: number | null;
  lastReportOn: string | null;
  lastReport: string | null;
}

export interface RectificationRow {
  code: string;
  unit: string;
  location: string;
  problem: string;
  requirements: string[];
  priority: Priority;
  deadline: string | null;
  status: RectificationStatus;
  issuedOn: string | null;
  signedOffOn: string | null;
  recheckOn: string | null;
  reopenCount: number;
}

export interface NoticeRow {
  number: string | null;
  kind: string;
  title: string;
  status: NoticeStatus;
  issuedOn: string | null;
  recipient: string;
  role: 'to' | 'cc';
  acknowledgedOn: string | null;
}

/** Standing work's deadline as a task-division table writes it, which the import reads back. */
export function cycleText(cycle: ReportCycle, day: number): string {
  if (cycle === 'weekly') return `每周${'一二三四五'[day - 1] ?? '五'}报送`;
  return `${cycle === 'monthly' ? '每月' : '每季度末月'}${day}日前报送`;
}

const deadlineOf = (d: LedgerDirective) => d.deadline ?? (d.reportCycle ? cycleText(d.reportCycle, d.reportDay ?? 5) : null);

export const DIRECTIVE_COLUMNS: Array<ColumnSpec<DirectiveRow>> = [
  { header: '编号', width: 14, value: (r) => r.directive.code },
  { header: '任务', width: 50, value: (r) => r.directive.title },
  { header: '类别', width: 12, value: (r) => r.directive.category },
  { header: '紧急程度', value: (r) => PRIORITY_LABELS[r.directive.priority] },
  { header: '牵头单位', width: 16, value: (r) => r.lead },
  { header: '配合单位', width: 30, value: (r) => r.cooperating.join('、') },
  { header: '完成时限', width: 18, format: 'date', value: (r) => deadlineOf(r.directive) },
  { header: '目标', width: 30, value: (r) => targetText(r.directive.metric) },
  { header: '承办单位数', format: 'number', value: (r) => r.units },
  { header: '已办结', format: 'number', value: (r) => r.closed },
  { header: '超期', format: 'number', value: (r) => r.overdue },
];

export const TASK_COLUMNS: Array<ColumnSpec<TaskRow>> = [
  { header: '编号', width: 14, value: (r) => r.directive.code },
  { header: '督办事项', width: 40, value: (r) => r.directive.title },
  { header: '承办单位', width: 16, value: (r) => r.unit },
  { header: '角色', value: (r) => ASSIGNMENT_ROLE_LABELS[r.role] },
  { header: '状态', width: 10, value: (r) => STATUS_LABELS[r.status] },
  { header: '办理时限', width: 18, format: 'date', value: (r) => r.deadline ?? deadlineOf(r.directive) },
  { header: '是否超期', value: (r) => (r.overdue ? '超期' : '') },
  { header: '进度', format: 'percent', value: (r) => r.percentDone },
  { header: '指标', width: 24, value: (r) => r.directive.metric?.name ?? null },
  { header: '目标值', format: 'number', value: (r) => r.targetValue },
  { header: '当前值', format: 'number', value: (r) => r.metricValue },
  { header: '计量单位', value: (r) => r.directive.metric?.unit ?? null },
  { header: '最近报送日期', format: 'date', value: (r) => r.lastReportOn },
  { header: '最近报送内容', width: 60, value: (r) => r.lastReport },
];

export const RECTIFICATION_COLUMNS: Array<ColumnSpec<RectificationRow>> = [
  { header: '编号', width: 12, value: (r) => r.code },
  { header: '被检查单位', width: 16, value: (r) => r.unit },
  { header: '地点', width: 20, value: (r) => r.location },
  { header: '问题', width: 50, value: (r) => r.problem },
  { header: '整改要求', width: 50, value: (r) => r.requirements.map((q, i) => `${i + 1}. ${q}`).join('\n') },
  { header: '紧急程度', value: (r) => PRIORITY_LABELS[r.priority] },
  { header: '整改期限', format: 'date', value: (r) => r.deadline },
  { header: '状态', width: 10, value: (r) => RECTIFICATION_STATUS_LABELS[r.status] },
  { header: '下发日期', format: 'date', value: (r) => r.issuedOn },
  { header: '销号日期', format: 'date', value: (r) => r.signedOffOn },
  { header: '复查日期', format: 'date', value: (r) => r.recheckOn },
  { header: '重新整改次数', format: 'number', value: (r) => r.reopenCount },
];

export const NOTICE_COLUMNS: Array<ColumnSpec<NoticeRow>> = [
  { header: '文号', width: 22, value: (r) => r.number },
  { header: '类型', width: 12, value: (r) => r.kind },
  { header: '标题', width: 40, value: (r) => r.title },
  { header: '状态', value: (r) => NOTICE_STATUS_LABELS[r.status] },
  { header: '印发日期', format: 'date', value: (r) => r.issuedOn },
  { header: '收文单位或个人', width: 20, value: (r) => r.recipient },
  { header: '主送或抄送', value: (r) => (r.role === 'to' ? '主送' : '抄送') },
  { header: '签收', value: (r) => (r.acknowledgedOn ? '已签收' : '未签收') },
  { header: '签收日期', format: 'date', value: (r) => r.acknowledgedOn },
];
