import { CYCLE_LABELS, ReportCycle } from '../directives/directive.entity';

/** The task a message is about, as people name it. */
export interface TaskRef {
  id: number;
  /** The directive's code and title: how both sides refer to the work. */
  code: string;
  title: string;
  unitName: string;
  metricName: string | null;
  metricUnit: string | null;
}

/** One step of a task that the other side must hear of. */
export type TaskStep =
  | { kind: 'issued'; lead: boolean; deadline: string | null; reportCycle: ReportCycle | null }
  | { kind: 'report_submitted'; reportId: number; percentDone: number; metricValue: number | null; narrative: string }
  | { kind: 'report_accepted'; reportId: number; percentDone: number; note: string | null }
  | { kind: 'report_returned'; reportId: number; percentDone: number; note: string }
  | { kind: 'extension_requested'; extensionId: number; currentDeadline: string; requestedDeadline: string; reason: string }
  | { kind: 'extension_granted'; extensionId: number; from: string; to: string; note: string | null }
  | { kind: 'extension_refused'; extensionId: number; requestedDeadline: string; deadline: string; note: string }
  | { kind: 'completion_requested'; reportId: number; metricValue: number | null; narrative: string }
  | { kind: 'closed' }
  | { kind: 'completion_returned'; version: number; reason: string }
  | { kind: 'cancelled'; reason: string }
  | { kind: 'deadline_changed'; directiveVersion: number; from: string; to: string };

export interface TaskNews {
  /** The unit's contacts hear of the office's steps; the office hears of the unit's. */
  to: 'unit' | 'office';
  title: string;
  body: string;
  /** One message per cause, whatever retries the request. */
  sourceKey: string;
}

const TITLE_MAX = 200;
const EXCERPT_MAX = 120;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Someone's words placed inside a sentence of ours: on one line, their own closing punctuation dropped (no “。。”). */
const said = (text: string) => oneLine(text).replace(/[。．.！!？?；;，,、]+$/u, '');

/** What a unit contact or the office is told of a step of a task: what happened, on which task, what to do next. */
export function taskNews(task: TaskRef, step: TaskStep): TaskNews {
  const subject = `${task.code} ${task.title}`;
  const named = `“${task.title}”（${task.code}）`;
  const metric = (value: number | null) => (value !== null && task.metricName ? `，${task.metricName} ${value}${task.metricUnit ?? ''}` : '');
  const excerpt = (text: string) => `报送内容：${clip(said(text), EXCERPT_MAX)}`;
  const news = (to: TaskNews['to'], tag: string, body: string, sourceKey: string): TaskNews => ({ to, title: clip(`【${tag}】${subject}`, TITLE_MAX), body, sourceKey });
  const forOffice = (tag: string, body: string, sourceKey: string): TaskNews => ({ ...news('office', tag, body, sourceKey), title: clip(`【${tag}】${task.unitName}：${subject}`, TITLE_MAX) });

  switch (step.kind) {
    case 'issued': {
      const due = step.deadline ? `办理时限为 ${step.deadline}` : `长期坚持，${step.reportCycle ? CYCLE_LABELS[step.reportCycle] : '按期'}报送进展`;
      return news('unit', '新任务', `协调办向你单位交办督办事项${named}，你单位为${step.lead ? '牵头单位' : '配合单位'}，${due}。请先签收，再按要求办理并按时报送进展。`, `task:${task.id}:issued`);
    }
    case 'report_submitted':
      return forOffice('待审核', `${task.unitName}报送了${named}的进展：完成 ${step.percentDone}%${metric(step.metricValue)}。${excerpt(step.narrative)}。请审核后采纳，或写明理由退回。`, `report:${step.reportId}:submitted`);
    case 'report_accepted':
      return news('unit', '进展已采纳', `你单位报送的进展（完成 ${step.percentDone}%）已被协调办采纳${step.note ? `，意见：${said(step.note)}` : ''}。请继续办理，按时报送后续进展。`, `report:${step.reportId}:reviewed`);
    case 'report_returned':
      return news('unit', '进展被退回', `你单位报送的进展（完成 ${step.percentDone}%）被协调办退回，理由：${said(step.note)}。任务的完成进度已恢复为此前的报送情况，请按意见修改后重新报送。`, `report:${step.reportId}:reviewed`);
    case 'extension_requested':
      return forOffice('延期申请', `${task.unitName}申请将${named}的办理时限由 ${step.currentDeadline} 延至 ${step.requestedDeadline}，理由：${said(step.reason)}。请在原期限前同意，或写明理由不同意。`, `extension:${step.extensionId}:requested`);
    case 'extension_granted':
      return news('unit', '延期已同意', `协调办同意延期：办理时限由 ${step.from} 延至 ${step.to}${step.note ? `，意见：${said(step.note)}` : ''}。请在新的期限前办结。`, `extension:${step.extensionId}:decided`);
    case 'extension_refused':
      return news('unit', '延期未同意', `你单位申请延至 ${step.requestedDeadline}，协调办未同意，理由：${said(step.note)}。办理时限仍为 ${step.deadline}，请抓紧办理并按时报送。`, `extension:${step.extensionId}:decided`);
    case 'completion_requested':
      return forOffice('申请办结', `${task.unitName}申请办结${named}，完成 100%${metric(step.metricValue)}。${excerpt(step.narrative)}。请核实后销号，或写明理由退回办结申请。`, `report:${step.reportId}:submitted`);
    case 'closed':
      return news('unit', '已销号', `你单位的办结申请已通过，任务已销号，无需再报送进展。`, `task:${task.id}:closed`);
    case 'completion_returned':
      return news('unit', '办结申请被退回', `你单位的办结申请被协调办退回，理由：${said(step.reason)}。任务恢复为办理中，请继续办理，达到要求后重新申请办结。`, `task:${task.id}:v${step.version}:returned`);
    case 'cancelled':
      return news('unit', '任务已撤销', `协调办撤销了你单位的这项任务，理由：${said(step.reason)}。无需再办理或报送。`, `task:${task.id}:cancelled`);
    case 'deadline_changed':
      return news('unit', '期限调整', `协调办将${named}的办理时限由 ${step.from} 调整为 ${step.to}。请按新的期限办理并报送进展。`, `task:${task.id}:directive-v${step.directiveVersion}`);
  }
}
