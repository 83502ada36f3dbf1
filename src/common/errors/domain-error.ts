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
