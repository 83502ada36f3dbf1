import { DomainError } from '../common/errors/domain-error';
import type { Actor } from './actor';
import type { Permission, Scope } from './permissions';

/** What a denied access looked like, for the log and the audit trail. */
export interface Denial {
  actor: Actor;
  permission: Permission;
  objectType: string;
  objectId: string | number;
}

/** Chinese names of the object types, for messages people read. Features add their own. */
export const OBJECT_LABELS: Record<string, string> = {
  unit: '单位',
  user: '用户',
  route: '功能',
  document: '来源文件',
  directive: '督办事项',
  assignment: '任务',
  report: '进展报告',
  extension: '延期申请',
  attachment: '附件',
  escalation: '督办审批事项',
  notification: '消息',
  notice: '通知',
  inspection: '督导检查',
  rectification: '整改事项',
  listing: '挂牌记录',
  assessment_line: '考核计分',
  assessment_objection: '申诉',
};

/** A denied access: the global filter logs it, audits it and answers with the error's status. */
export class AccessDeniedError extends DomainError {
  constructor(
    code: 'FORBIDDEN' | 'NOT_FOUND',
    message: string,
    readonly denial: Denial,
  ) {
    super(code, message);
  }
}

/** The role lacks the permission altogether: 403. */
export function roleDenied(denial: Denial): AccessDeniedError {
  return new AccessDeniedError('FORBIDDEN', '当前账号无权执行此操作', denial);
}

/** The object lies outside the actor's scope: 404, so its existence does not leak. */
export function objectDenied(denial: Denial): AccessDeniedError {
  const label = OBJECT_LABELS[denial.objectType] ?? '对象';
  return new AccessDeniedError('NOT_FOUND', `${label}不存在或无权查看`, denial);
}

/**
 * The permission a request was granted, with its scope. Built by the PermissionGuard and handed to
 * services, which use it to filter lists and to check each object they load.
 */
export class Access {
  constructor(
    readonly actor: Actor,
    readonly permission: Permission,
    readonly scope: Scope,
  ) {}

  /** The only unit whose objects this access reaches, or null when it reaches all units. */
  get unitRestriction(): number | null {
    if (this.scope === 'all') return null;
    // A unit-scoped actor without a unit reaches nothing; -1 matches no row.
    return this.actor.unitId ?? -1;
  }

  reachesUnit(unitId: number | null): boolean {
    return this.scope === 'all' || (unitId !== null && unitId === this.actor.unitId);
  }

  /** Throws unless the object belongs to a unit this access reaches. */
  assertReaches(objectType: string, objectId: string | number, ownerUnitIds: Array<number | null>): void {
    if (!ownerUnitIds.some((unitId) => this.reachesUnit(unitId))) {
      throw objectDenied({ actor: this.actor, permission: this.permission, objectType, objectId });
    }
  }
}
