import { OBJECT_LABELS } from '../access/access';
import { PRIORITY_LABELS } from '../directives/directive.entity';
import { LISTING_RULE_LABELS } from '../listings/listing-rules';
import { NOTICE_KIND_LABELS } from '../notices/kinds';
import type { AuditEntry } from './audit-entry.entity';
import { auditActionLabel } from './audit-actions';
import { NameBook, referencedIds, summarizeChanges } from './change-summary';

/** One audit entry as people read it: who (by name), what (in Chinese), on which record (linked) and what changed. */
export interface AuditLine {
  id: number;
  occurredAt: Date;
  actor: { name: string; href: string | null };
  actionLabel: string;
  object: { label: string; name: string; href: string | null } | null;
  summary: string;
  correlationId: string | null;
  ip: string | null;
}

interface ObjectRule {
  label: string;
  /** The record's page, when it has one. */
  href?: (id: string) => string;
  /** A name that needs no lookup (a priority, a date). */
  name?: (id: string) => string;
  /** How the filter offers it, when its label alone is shared with another kind. */
  filterLabel?: string;
}

/** The kinds of object the trail records, by `objectType`. Those with a table of their own are named by a lookup. */
const OBJECTS: Record<string, ObjectRule> = {
  user: { label: '用户', href: (id) => `/users/${id}/edit` },
  unit: { label: '单位', href: (id) => `/units/${id}/edit` },
  document: { label: '来源文件', href: (id) => `/documents/${id}` },
  directive: { label: '督办事项', href: (id) => `/directives/${id}` },
  assignment: { label: '任务', href: (id) => `/tasks/${id}` },
  notice: { label: '公文通知', href: (id) => `/notices/${id}` },
  inspection: { label: '督导检查', href: (id) => `/inspections/${id}` },
  rectification: { label: '整改事项', href: (id) => `/rectifications/${id}` },
  listing: { label: '挂牌整治', href: (id) => `/listings/${id}` },
  // A rung has no page of its own: the lookup links the task or item it chases.
  escalation: { label: '督办审批' },
  escalation_policy: { label: '督办规则', href: () => '/policies', name: (id) => `${(PRIORITY_LABELS as Record<string, string>)[id] ?? id}事项` },
  assessment: { label: '考核排名', href: (id) => (id === 'rules' ? '/assessment/rules' : `/assessment?periodId=${id}`), name: (id) => (id === 'rules' ? '考核规则' : `考核期 #${id}`) },
  assessment_objection: { label: '考核申诉', href: (id) => `/assessment/objections/${id}` },
  listing_rule: { label: '挂牌规则', href: () => '/listings', name: (id) => (LISTING_RULE_LABELS as Record<string, string>)[id] ?? id },
  notice_issuer: { label: '发文机关代字', name: (id) => NOTICE_KIND_LABELS[id] ?? id },
  notice_seal: { label: '公文印章', href: () => '/notices', name: () => '协调办印章' },
  calendar_day: { label: '工作日历', href: () => '/calendar', name: (id) => id, filterLabel: '工作日历（放假、调休日）' },
  calendar_year: { label: '工作日历', href: () => '/calendar', name: (id) => `${id}年`, filterLabel: '工作日历（年度）' },
  delivery: { label: '外发投递', href: () => '/deliveries' },
  route: { label: '功能', name: (id) => id, filterLabel: '功能（越权访问）' },
  // Named in denied attempts only.
  report: { label: '进展报告' },
  extension: { label: '延期申请' },
  attachment: { label: '附件' },
  notification: { label: '消息' },
};

/** The filter's choices of object type, by Chinese name. */
export function auditObjectOptions(): { value: string; label: string }[] {
  return Object.entries(OBJECTS).map(([value, rule]) => ({ value, label: rule.filterLabel ?? rule.label }));
}

/** Object types named by looking their record up. */
export const LOOKED_UP_OBJECTS = ['user', 'unit', 'document', 'directive', 'assignment', 'notice', 'inspection', 'rectification', 'listing', 'escalation'] as const;
export type LookedUpObject = (typeof LOOKED_UP_OBJECTS)[number];

export type AuditEntryLike = Pick<AuditEntry, 'id' | 'occurredAt' | 'actorUserId' | 'actorUsername' | 'action' | 'objectType' | 'objectId' | 'changes' | 'correlationId' | 'ip'>;

/** The ids whose names the lines need, by kind: the actors, the objects and the records their changes point to. */
export function namesWanted(entries: readonly AuditEntryLike[]): Map<LookedUpObject, Set<string>> {
  const wanted = new Map<LookedUpObject, Set<string>>(LOOKED_UP_OBJECTS.map((kind) => [kind, new Set<string>()]));
  const want = (kind: string | null, id: string | number | null) => {
    if (kind !== null && id !== null && /^\d+$/.test(String(id))) wanted.get(kind as LookedUpObject)?.add(String(id));
  };
  for (const entry of entries) {
    want('user', entry.actorUserId);
    want(entry.objectType, entry.objectId);
    for (const [kind, id] of referencedIds(entry.objectType, entry.changes)) want(kind, id);
  }
  return wanted;
}

export function describeObject(objectType: string | null, objectId: string | null, names: NameBook): AuditLine['object'] {
  // A failed sign-in under a name no account has names no object.
  if (!objectType || objectId === null) return null;
  const rule = OBJECTS[objectType];
  const found = names[objectType]?.get(objectId);
  return {
    label: rule?.label ?? OBJECT_LABELS[objectType] ?? '对象',
    name: found?.name ?? rule?.name?.(objectId) ?? `编号 ${objectId}`,
    href: found?.href ?? rule?.href?.(objectId) ?? null,
  };
}

/** Who acted: a person by name and username (linked to their entries), an unknown sign-in name, or the system. */
export function describeActor(entry: Pick<AuditEntryLike, 'actorUserId' | 'actorUsername'>, names: NameBook): AuditLine['actor'] {
  if (entry.actorUserId !== null) {
    const user = names.user?.get(String(entry.actorUserId));
    return { name: user?.name ?? entry.actorUsername ?? `编号 ${entry.actorUserId}`, href: `/audit?actorUserId=${entry.actorUserId}` };
  }
  // A failed sign-in with a name no account has: the name tried.
  if (entry.actorUsername && entry.actorUsername !== 'system') return { name: `${entry.actorUsername}（无此账号）`, href: null };
  // The demo seeding, or what the job runner does by itself (a rung drafting its notice).
  return { name: '系统', href: null };
}

export function describeEntry(entry: AuditEntryLike, names: NameBook): AuditLine {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt,
    actor: describeActor(entry, names),
    actionLabel: auditActionLabel(entry.action),
    object: describeObject(entry.objectType, entry.objectId, names),
    summary: summarizeChanges(entry.objectType, entry.changes, names),
    correlationId: entry.correlationId,
    ip: entry.ip,
  };
}
