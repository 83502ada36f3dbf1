import { ErrorCode } from './error-codes';

/** An error a person can act on: a stable code for programs and a Chinese message for people. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what}不存在或无权查看`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '当前账号无权执行此操作') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录，或登录已过期') {
    super('UNAUTHENTICATED', message);
  }
}

/**
 * How a stale-version refusal goes on after the object's name. The words differ by where people meet
 * them (a step on a work item, a document, a setting) and stay the ones they know.
 */
const STALE_WORDINGS = {
  updated: '已被他人更新，请刷新页面后再操作',
  modified: '已被他人修改，请刷新后再操作',
  retry: '已被他人修改，请刷新后重试',
  reedit: '已被他人修改，请刷新后再改',
} as const;
export type StaleWording = keyof typeof STALE_WORDINGS;

/** Someone else changed the object since the client read it (409 STALE_VERSION), e.g. `staleVersion('该通知')`. */
export function staleVersion(object: string, wording: StaleWording = 'modified'): DomainError {
  return new DomainError('STALE_VERSION', `${object}${STALE_WORDINGS[wording]}`);
}

/**
 * The client of a read went away before its answer, so the database work for it was stopped. Nobody
 * receives this answer; it ends the request without logging it as a fault.
 */
export class RequestAbandonedError extends DomainError {
  constructor() {
    super('SERVICE_UNAVAILABLE', '请求已取消：客户端在得到答复前断开了连接');
  }
}

/** A request's read ran past the time allowed for it (the server stopped the statement, or the request's deadline passed). */
export class QueryTimeoutError extends DomainError {
  constructor() {
    super('QUERY_TIMEOUT', '查询用时超过了允许的上限，已被中止；请稍后重试，或缩小查询范围（如增加筛选条件）');
  }
}
