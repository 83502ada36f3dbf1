import { ROLE_LABELS } from '../access/actor';
import { OBJECTION_STATUS_LABELS, PERIOD_STATUS_LABELS } from '../assessment/assessment.entity';
import { PERIOD_KIND_LABELS, RULE_INFO, RULE_KEYS } from '../assessment/assessment-rules';
import { STATUS_LABELS } from '../assignments/assignment-state';
import { EXTENSION_STATUS_LABELS } from '../assignments/extension-request.entity';
import { REPORT_STATUS_LABELS } from '../assignments/progress-report.entity';
import { COMPARATOR_SIGNS, CYCLE_LABELS, PRIORITY_LABELS } from '../directives/directive.entity';
import { DOCUMENT_KIND_LABELS } from '../documents/source-document.entity';
import { INSPECTION_TYPE_LABELS } from '../inspections/inspection.entity';
import { CARD_LABELS, LISTING_STATUS_LABELS } from '../listings/listing-rules';
import { NOTICE_STATUS_LABELS } from '../notices/notice.entity';
import { NOTICE_KIND_LABELS } from '../notices/kinds';
import { NOTICE_FORMAT_LABELS } from '../notices/notice-templates';
import { DELIVERY_STATUS_LABELS } from '../notifications/notification.entity';
import { RECTIFICATION_STATUS_LABELS } from '../rectifications/rectification-state';
import { ESCALATION_STATUS_LABELS } from '../reminders/escalation.entity';
import { RUNG_LABELS, RUNG_MODE_LABELS, RUNGS } from '../reminders/escalation-ladder';
import { UNIT_KIND_LABELS } from '../units/unit.entity';
import type { FieldChanges } from './audit-entry.entity';
import { PERMISSION_LABELS } from './permission-labels';

/** What a page calls a record an entry mentions: its name, and its page when it has one. */
export interface ObjectName {
  name: string;
  href?: string;
}

/** Names looked up for the ids entries mention, by kind (`user`, `unit`, `document`, an object type) and id. */
export type NameBook = Partial<Record<string, ReadonlyMap<string, ObjectName>>>;

/** The kinds of record a changed field may point to by id; their names are looked up before summarising. */
export type ReferenceKind = 'unit' | 'document';

/** How one field reads: its Chinese name, and how its values read (null hides a value, such as an internal id). */
interface FieldRule {
  label: string;
  value?: (value: unknown, names: NameBook) => string | null;
  /** The records the field's values point to, by id. */
  ref?: ReferenceKind;
  /** Fields that summarise themselves (a whole escalation ladder). */
  lines?: (before: unknown, after: unknown) => string[];
}

const EMPTY = '（空）';
const LONG_TEXT = 60;

/** A stored value as people read it; never JSON. */
export function plainValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    // A closing full stop would clash with the '；' between fields.
    const text = value.replace(/\s+/g, ' ').trim().replace(/。$/, '');
    return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT)}…` : text;
  }
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map(plainValue).join('、');
  return '（已修改）';
}

const labelled =
  (labels: Record<string, string>) =>
  (value: unknown): string =>
    typeof value === 'string' && value in labels ? labels[value] : plainValue(value);

/** Ids of records, by the name looked up for them. */
const named =
  (kind: ReferenceKind) =>
  (value: unknown, names: NameBook): string => {
    const one = (id: unknown) => (id === null || id === undefined ? EMPTY : (names[kind]?.get(String(id))?.name ?? `编号 ${String(id)}`));
    return Array.isArray(value) ? (value.length === 0 ? '（无）' : value.map(one).join('、')) : one(value);
  };

/** A field that holds an internal id on one side (a report's id) and a status on the other: only the status reads. */
const statusOnly =
  (labels: Record<string, string>) =>
  (value: unknown): string | null =>
    typeof value === 'string' ? labelled(labels)(value) : null;

const percent = (value: unknown) => (typeof value === 'number' ? `${value}%` : plainValue(value));
const activeValue = (value: unknown) => (value === true ? '启用' : value === false ? '停用' : plainValue(value));
const daysValue = (days: unknown) => (Array.isArray(days) ? (days.length === 0 ? '不提醒' : `${days.join('、')} 个工作日`) : null);
const rungValue = (rule: unknown) => {
  if (!rule || typeof rule !== 'object') return null;
  const { afterDays, mode } = rule as { afterDays?: unknown; mode?: unknown };
  if (mode === 'off') return RUNG_MODE_LABELS.off;
  return `逾期 ${plainValue(afterDays)} 个工作日·${labelled(RUNG_MODE_LABELS)(mode)}`;
};

/** An escalation ladder changed: each part that differs, before → after. */
function ladderLines(before: unknown, after: unknown): string[] {
  type LadderLike = { reminderDays?: unknown; rungs?: Record<string, unknown>; reportReminderDays?: unknown; reportOverdue?: unknown };
  if (!after || typeof after !== 'object') return ['督办规则：已修改'];
  const was = (before && typeof before === 'object' ? before : {}) as LadderLike;
  const now = after as LadderLike;
  const parts: [string, unknown, unknown, (value: unknown) => string | null][] = [
    ['到期前提醒', was.reminderDays, now.reminderDays, daysValue],
    ...RUNGS.map((rung): [string, unknown, unknown, (value: unknown) => string | null] => [RUNG_LABELS[rung], was.rungs?.[rung], now.rungs?.[rung], rungValue]),
    ['报送前提醒', was.reportReminderDays, now.reportReminderDays, daysValue],
    [RUNG_LABELS.report_overdue, was.reportOverdue, now.reportOverdue, rungValue],
  ];
  const lines = parts.flatMap(([label, from, to, read]) => {
    if (JSON.stringify(from) === JSON.stringify(to)) return [];
    const [a, b] = [read(from), read(to)];
    if (b === null) return [];
    return [a === null ? `${label}：${b}` : `${label}：${a} → ${b}`];
  });
  return lines.length > 0 ? lines : ['督办规则：已修改'];
}

/** Fields by name, as most objects use them. */
const FIELDS: Record<string, FieldRule> = {
  // People and units
  username: { label: '用户名' },
  displayName: { label: '姓名' },
  role: { label: '角色', value: labelled(ROLE_LABELS) },
  unitId: { label: '所属单位', value: named('unit'), ref: 'unit' },
  phone: { label: '手机' },
  email: { label: '邮箱' },
  active: { label: '状态', value: activeValue },
  name: { label: '名称' },
  shortName: { label: '简称' },
  kind: { label: '类别' },
  parentId: { label: '上级单位', value: named('unit'), ref: 'unit' },
  contactPerson: { label: '联系人' },
  contactPhone: { label: '联系电话' },
  contactEmail: { label: '联系邮箱' },
  address: { label: '地址' },
  // Documents, directives and tasks
  title: { label: '标题' },
  docNumber: { label: '文号' },
  issuer: { label: '发文单位' },
  issuedOn: { label: '发文日期' },
  code: { label: '编号' },
  units: { label: '承办单位', value: named('unit'), ref: 'unit' },
  requirement: { label: '工作要求' },
  category: { label: '类别' },
  priority: { label: '优先级', value: labelled(PRIORITY_LABELS) },
  deadline: { label: '办理时限' },
  reportCycle: { label: '报送周期', value: labelled(CYCLE_LABELS) },
  reportDay: { label: '报送日' },
  metricName: { label: '指标' },
  metricUnit: { label: '指标单位' },
  metricComparator: { label: '目标比较', value: labelled(COMPARATOR_SIGNS) },
  metricTarget: { label: '目标值' },
  sourceDocumentId: { label: '来源文件', value: named('document'), ref: 'document' },
  status: { label: '状态' },
  percentDone: { label: '完成比例', value: percent },
  report: { label: '进展报告', value: statusOnly(REPORT_STATUS_LABELS) },
  extension: { label: '延期申请', value: statusOnly(EXTENSION_STATUS_LABELS) },
  note: { label: '说明' },
  reason: { label: '理由' },
  // Notices
  number: { label: '文号' },
  addressee: { label: '主送' },
  copyTo: { label: '抄送' },
  content: { label: '正文内容' },
  recipient: { label: '签收单位' },
  recipients: { label: '催签对象' },
  // Listings, rules, the ladder, the calendar, the system
  card: { label: '牌色', value: labelled(CARD_LABELS) },
  enabled: { label: '启用', value: plainValue },
  threshold: { label: '阈值' },
  ladder: { label: '督办规则', lines: ladderLines },
  permission: { label: '所需权限', value: labelled(PERMISSION_LABELS) },
};

/** Entries about no object (the demo seeding) read their fields here. */
const NO_OBJECT = 'system';

/** Where a field means something particular to one kind of object. */
const FIELDS_BY_TYPE: Record<string, Record<string, FieldRule>> = {
  [NO_OBJECT]: { units: { label: '单位数' }, users: { label: '账号数' } },
  user: {
    reason: { label: '原因', value: labelled({ unknown_user: '账号不存在', wrong_password: '密码错误', inactive: '账号已停用' }) },
  },
  unit: { kind: { label: '类别', value: labelled(UNIT_KIND_LABELS) } },
  document: { kind: { label: '类型', value: labelled(DOCUMENT_KIND_LABELS) } },
  assignment: { status: { label: '状态', value: labelled(STATUS_LABELS) } },
  rectification: { status: { label: '状态', value: labelled(RECTIFICATION_STATUS_LABELS) }, deadline: { label: '整改时限' } },
  notice: { status: { label: '状态', value: labelled(NOTICE_STATUS_LABELS) }, kind: { label: '文种', value: labelled(NOTICE_KIND_LABELS) }, reason: { label: '作废理由' }, format: { label: '版式', value: labelled(NOTICE_FORMAT_LABELS) }, seal: { label: '印章图像（SHA-256）' } },
  notice_issuer: { code: { label: '发文机关代字' }, name: { label: '发文机关' }, format: { label: '版式', value: labelled(NOTICE_FORMAT_LABELS) } },
  notice_seal: { sha256: { label: '印章图像（SHA-256）' }, fileName: { label: '文件名' } },
  listing: { status: { label: '状态', value: labelled(LISTING_STATUS_LABELS) } },
  listing_rule: { card: { label: '挂牌牌色', value: labelled(CARD_LABELS) } },
  assessment: {
    status: { label: '状态', value: labelled(PERIOD_STATUS_LABELS) },
    period: { label: '考核期' },
    units: { label: '参加排名的单位数' },
    notice: { label: '通报' },
    mode: { label: '方式', value: labelled({ draft: '生成草稿', issue: '立即印发' }) },
    baseScore: { label: '基础分' },
    leadWeight: { label: '牵头单位权重' },
    cooperatingWeight: { label: '配合单位权重' },
    periodKind: { label: '考核周期', value: labelled(PERIOD_KIND_LABELS) },
    objectionDays: { label: '申诉期（工作日）' },
    ...Object.fromEntries(RULE_KEYS.map((key) => [key, { label: RULE_INFO[key].label }])),
  },
  assessment_objection: { status: { label: '状态', value: labelled(OBJECTION_STATUS_LABELS) }, line: { label: '计分行' }, points: { label: '分值' }, snapshot: { label: '排名版本' }, note: { label: '处理意见' } },
  escalation: { status: { label: '状态', value: labelled(ESCALATION_STATUS_LABELS) }, note: { label: '审批意见' } },
  delivery: { status: { label: '状态', value: labelled(DELIVERY_STATUS_LABELS) } },
  calendar_day: { kind: { label: '类型', value: labelled({ holiday: '放假', workday: '调休上班' }) } },
  inspection: { type: { label: '检查类型', value: labelled(INSPECTION_TYPE_LABELS) }, units: { label: '被检查单位', value: named('unit'), ref: 'unit' } },
};

function ruleFor(objectType: string | null, field: string): FieldRule {
  return FIELDS_BY_TYPE[objectType ?? NO_OBJECT]?.[field] ?? FIELDS[field] ?? { label: field };
}

/** The ids of other records the changes point to (a user's unit, a directive's units and source), by kind. */
export function referencedIds(objectType: string | null, changes: FieldChanges | null): [ReferenceKind, string][] {
  if (!changes) return [];
  return Object.entries(changes).flatMap(([field, values]) => {
    const { ref } = ruleFor(objectType, field);
    if (!ref) return [];
    return (values ?? [])
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter((id): id is number | string => typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id)))
      .map((id): [ReferenceKind, string] => [ref, String(id)]);
  });
}

/**
 * The stored changes as a sentence people read: “状态：已签收 → 申请办结；完成比例：60% → 100%”. A
 * creation (null → value) reads as the value alone; ids read as the names in `names`.
 */
export function summarizeChanges(objectType: string | null, changes: FieldChanges | null, names: NameBook = {}): string {
  if (!changes) return '';
  const lines = Object.entries(changes).flatMap(([field, pair]) => {
    const [before, after] = Array.isArray(pair) ? pair : [null, pair];
    const rule = ruleFor(objectType, field);
    if (rule.lines) return rule.lines(before, after);
    const read = (value: unknown) => (rule.value ? rule.value(value, names) : plainValue(value));
    const now = read(after);
    if (now === null) return [];
    const was = before === null || before === undefined ? null : read(before);
    return [was === null ? `${rule.label}：${now}` : `${rule.label}：${was} → ${now}`];
  });
  return lines.join('；');
}
