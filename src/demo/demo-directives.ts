import type { EntityManager } from 'typeorm';
import type { AssignmentStatus } from '../assignments/assignment-state';
import { Assignment, AssignmentEvent, AssignmentRole } from '../assignments/assignment.entity';
import { ExtensionRequest } from '../assignments/extension-request.entity';
import { ProgressReport } from '../assignments/progress-report.entity';
import { awaitsReview, taskSortKey } from '../assignments/task-order';
import { Directive, Priority, ReportCycle } from '../directives/directive.entity';
import { formatDirectiveCode, nextDirectiveNumber } from '../directives/directive-code';
import { directiveOrder } from '../directives/directive-order';
import { indexDirectiveTerms } from '../directives/directive-search';
import { SourceDocument } from '../documents/source-document.entity';

interface DemoTask {
  unit: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  percent?: number;
  report?: string;
  target?: number;
  /** The metric values reported over the month, oldest first; the last goes with `report`. */
  metrics?: number[];
  /** Days ago the office closed the task (closed tasks only). */
  closedDaysAgo?: number;
}

interface DemoDirective {
  title: string;
  requirement: string;
  category: string;
  priority: Priority;
  excerpt: string;
  /** Days from today (negative: already past), or a standing cycle. */
  due: number | { cycle: ReportCycle; day: number };
  metric?: { name: string; unit: string; target: number };
  tasks: DemoTask[];
  extension?: { unit: string; days: number; reason: string };
}

/** The demo meeting: written for this product, about the fictional city of 云澜市. */
const MEETING_BODY = `时间：${'{date}'}
地点：市政府第三会议室
主持：李明远（副市长、联席会议召集人）

一、关于国家反诈中心APP推广。会议要求市公安局牵头，各镇街、各通信运营商配合，年底前全市社区（村）安装注册率达到60%以上，通信运营商营业厅员工达到100%。
二、关于涉诈高风险电话卡清理。会议要求云澜电信牵头，云澜移动、云澜联通配合，限期完成名下高风险电话卡的二次实人核验，逾期未核验的依规停机。
三、关于校园反诈宣传。市教育局牵头，会同南溪镇，把反诈教育纳入开学第一课，做到全市中小学全覆盖。
四、关于涉诈资金查控。人行云澜分行每月25日前报送上月涉诈资金查控情况。
五、关于重点人员劝阻回访。东湖街道对市反诈中心推送的重点人员名单逐一上门劝阻回访，并反馈结果。`;

const DIRECTIVES: DemoDirective[] = [
  {
    title: '国家反诈中心APP推广安装注册',
    requirement: '各社区（村）国家反诈中心APP安装注册率达到60%以上；通信运营商营业厅员工安装率达到100%。每两周报送一次进展。',
    category: '宣传防范',
    priority: 'important',
    excerpt: '一、关于国家反诈中心APP推广……',
    due: 6,
    metric: { name: 'APP安装注册率', unit: '%', target: 60 },
    tasks: [
      { unit: 'police', role: 'lead', status: 'in_progress', percent: 55, report: '已组织全市派出所进社区推广，累计注册 41.2 万人，安装注册率约 52%。', metrics: [31, 38, 45, 52] },
      { unit: 'town1', role: 'cooperating', status: 'acknowledged' },
      { unit: 'town2', role: 'cooperating', status: 'issued' },
      { unit: 'telecom', role: 'cooperating', status: 'completion_requested', percent: 100, target: 100, report: '全部营业厅 312 名员工均已安装注册，附核查清单。', metrics: [72, 88, 100] },
    ],
  },
  {
    title: '涉诈高风险电话卡二次实人核验',
    requirement: '对名下涉诈高风险电话卡完成二次实人核验，逾期未核验的依规停机，并报送核验和停机数量。',
    category: '行业治理',
    priority: 'urgent',
    excerpt: '二、关于涉诈高风险电话卡清理……',
    due: -5,
    metric: { name: '二次实人核验完成率', unit: '%', target: 100 },
    tasks: [
      { unit: 'telecom', role: 'lead', status: 'in_progress', percent: 70, report: '已核验 8,260 张，停机 1,035 张，剩余部分正在外呼核验。', metrics: [35, 52, 70] },
      { unit: 'mobile', role: 'cooperating', status: 'issued' },
      { unit: 'unicom', role: 'cooperating', status: 'closed', percent: 100, report: '已全部完成核验，停机 486 张。', metrics: [60, 100], closedDaysAgo: 8 },
    ],
  },
  {
    title: '反诈教育纳入开学第一课',
    requirement: '全市中小学开学第一课安排反诈教育内容，做到学校全覆盖，报送覆盖学校数和学生数。',
    category: '宣传防范',
    priority: 'normal',
    excerpt: '三、关于校园反诈宣传……',
    due: -20,
    tasks: [
      { unit: 'edu', role: 'lead', status: 'closed', percent: 100, report: '全市 126 所中小学全部完成，覆盖学生 9.8 万人。', closedDaysAgo: 22 },
      { unit: 'town3', role: 'cooperating', status: 'closed', percent: 100, report: '辖区 11 所学校全部完成。', closedDaysAgo: 16 },
    ],
  },
  {
    title: '按月报送涉诈资金查控情况',
    requirement: '每月25日前报送上月涉诈资金止付、冻结和返还情况。',
    category: '资金查控',
    priority: 'normal',
    excerpt: '四、关于涉诈资金查控……',
    due: { cycle: 'monthly', day: 25 },
    tasks: [{ unit: 'bank', role: 'lead', status: 'in_progress', percent: 0, report: '10月止付涉诈资金 1,260 万元，冻结 860 万元，返还受害人 312 万元。' }],
  },
  {
    title: '重点人员上门劝阻回访',
    requirement: '对市反诈中心推送的重点人员名单逐一上门劝阻回访，当日反馈劝阻结果。',
    category: '预警劝阻',
    priority: 'urgent',
    excerpt: '五、关于重点人员劝阻回访……',
    due: 2,
    tasks: [{ unit: 'town1', role: 'lead', status: 'acknowledged' }],
    extension: { unit: 'town1', days: 12, reason: '名单中有 37 人长期在外务工，需协调其家属联系，申请延长期限。' },
  },
];

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** 10:00 in China, `days` from today: when the demo's reports and closings of the past month happened. */
const daysAgoAt = (today: string, days: number) => new Date(`${addDays(today, -days)}T02:00:00Z`);

/** The reports of a task over the month, a week apart and the last two days ago: each metric value, then the task's own report. */
function reportTimes(today: string, count: number): Date[] {
  return Array.from({ length: count }, (_, i) => daysAgoAt(today, 2 + 7 * (count - 1 - i)));
}

/** A meeting and its directives in every state, so each page of the demo shows real work. */
export async function seedDemoDirectives(manager: EntityManager, today: string, unitIds: Map<string, number>, officeUserId: number, unitUserIds: Map<string, number>): Promise<{ assignmentIds: number[]; issuedAt: Date }> {
  const meetingDate = addDays(today, -30);
  const document = await manager.save(
    manager.create(SourceDocument, {
      kind: 'minutes',
      title: '云澜市打击治理电信网络诈骗联席会议第四次全体会议纪要',
      docNumber: `云反诈联〔${today.slice(0, 4)}〕5号`,
      issuer: '云澜市打击治理电信网络诈骗联席会议',
      issuedOn: meetingDate,
      body: MEETING_BODY.replace('{date}', meetingDate),
      createdBy: officeUserId,
    }),
  );
  const at = new Date(`${meetingDate}T02:00:00Z`);
  const assignmentIds: number[] = [];
  for (const item of DIRECTIVES) {
    const year = Number(today.slice(0, 4));
    const seq = await nextDirectiveNumber(manager, year);
    const deadline = typeof item.due === 'number' ? addDays(today, item.due) : null;
    const directive = await manager.save(
      manager.create(Directive, {
        code: formatDirectiveCode(year, seq),
        year,
        seq,
        title: item.title,
        requirement: item.requirement,
        category: item.category,
        priority: item.priority,
        sourceDocumentId: document.id,
        sourceExcerpt: item.excerpt,
        deadline,
        reportCycle: typeof item.due === 'number' ? null : item.due.cycle,
        reportDay: typeof item.due === 'number' ? null : item.due.day,
        metricName: item.metric?.name ?? null,
        metricUnit: item.metric?.unit ?? null,
        metricComparator: item.metric ? 'gte' : null,
        metricTarget: item.metric?.target ?? null,
        createdBy: officeUserId,
        ...directiveOrder(deadline, item.priority),
      }),
    );
    await indexDirectiveTerms(manager, directive);
    for (const task of item.tasks) {
      const reporter = unitUserIds.get(task.unit) ?? officeUserId;
      const final = task.status === 'completion_requested' || task.status === 'closed';
      const pendingExtension = item.extension?.unit === task.unit && deadline !== null;
      const metrics = task.metrics ?? [];
      const closedAt = task.status === 'closed' ? daysAgoAt(today, task.closedDaysAgo ?? 30) : null;
      // With a month of metric values, the reports follow them week by week; otherwise all on the meeting's day.
      const times = metrics.length > 0 ? reportTimes(today, metrics.length) : [at];
      const reportedAt = closedAt && times[times.length - 1] > closedAt ? closedAt : times[times.length - 1];
      const assignment = await manager.save(
        manager.create(Assignment, {
          directiveId: directive.id,
          unitId: unitIds.get(task.unit)!,
          role: task.role,
          status: task.status,
          deadline,
          targetValue: task.target ?? item.metric?.target ?? null,
          percentDone: task.percent ?? 0,
          metricValue: metrics.length > 0 ? metrics[metrics.length - 1] : null,
          acknowledgedAt: task.status === 'issued' ? null : at,
          closedAt,
          sortKey: taskSortKey(task.status, deadline, item.priority),
          awaitingReview: awaitsReview(task.status, { report: !!task.report && !final, extension: pendingExtension }),
        }),
      );
      assignmentIds.push(assignment.id);
      const steps: Array<[AssignmentEvent['action'], AssignmentStatus | null, AssignmentStatus]> = [['create', null, 'issued']];
      if (task.status !== 'issued') steps.push(['acknowledge', 'issued', 'acknowledged']);
      if (task.report) steps.push(['report', 'acknowledged', 'in_progress']);
      if (task.status === 'completion_requested' || task.status === 'closed') steps.push(['request_completion', 'in_progress', 'completion_requested']);
      if (task.status === 'closed') steps.push(['close', 'completion_requested', 'closed']);
      for (const [action, fromStatus, toStatus] of steps) {
        const occurredAt = action === 'close' && closedAt ? closedAt : action === 'report' || action === 'request_completion' ? reportedAt : at;
        await manager.save(manager.create(AssignmentEvent, { assignmentId: assignment.id, action, fromStatus, toStatus, note: null, actorUserId: action === 'create' || action === 'close' ? officeUserId : reporter, occurredAt }));
      }
      // The month's earlier reports, accepted as they came: the trend of the metric on the board.
      for (const [i, value] of metrics.slice(0, -1).entries()) {
        const submittedAt = times[i];
        await manager.save(
          manager.create(ProgressReport, { assignmentId: assignment.id, narrative: `第 ${i + 1} 次报送：${item.metric?.name ?? '指标'} ${value}${item.metric?.unit ?? ''}。`, percentDone: Math.min(task.percent ?? 0, value), metricValue: value, isFinal: false, status: 'accepted', reviewNote: null, submittedBy: reporter, submittedAt, reviewedBy: officeUserId, reviewedAt: submittedAt }),
        );
      }
      if (task.report) {
        await manager.save(
          manager.create(ProgressReport, {
            assignmentId: assignment.id,
            narrative: task.report,
            percentDone: task.percent ?? 0,
            metricValue: metrics.length > 0 ? metrics[metrics.length - 1] : null,
            isFinal: final,
            status: task.status === 'closed' ? 'accepted' : 'submitted',
            reviewNote: null,
            submittedBy: reporter,
            submittedAt: reportedAt,
            reviewedBy: task.status === 'closed' ? officeUserId : null,
            reviewedAt: closedAt,
          }),
        );
      }
      if (item.extension && pendingExtension && deadline) {
        await manager.save(
          manager.create(ExtensionRequest, {
            assignmentId: assignment.id,
            currentDeadline: deadline,
            requestedDeadline: addDays(deadline, item.extension.days),
            reason: item.extension.reason,
            status: 'pending',
            decisionNote: null,
            requestedBy: reporter,
            requestedAt: at,
            decidedBy: null,
            decidedAt: null,
          }),
        );
      }
    }
  }
  return { assignmentIds, issuedAt: at };
}
