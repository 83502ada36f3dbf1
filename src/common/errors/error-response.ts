import { HttpException, HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, QueryTimeoutError } from './domain-error';
import { ERROR_STATUS, ErrorCode } from './error-codes';
import { ForbiddenKeyError } from '../validation';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  correlationId: string;
}

export interface DescribedError {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** True when the error is unexpected and its stack belongs in the log. */
  unexpected: boolean;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

const STATUS_MESSAGES: Partial<Record<ErrorCode, string>> = {
  MALFORMED_REQUEST: '请求格式有误，无法解析',
  UNAUTHENTICATED: '请先登录，或登录已过期',
  FORBIDDEN: '当前账号无权执行此操作',
  NOT_FOUND: '请求的地址或对象不存在',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '请求体的编码不受支持，请用 UTF-8 的 JSON',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂不可用，请稍后再试',
};

interface ExpressStyleError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
}

/** Turns anything thrown while serving a request into the status and body the client receives. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof DomainError) {
    return { status: ERROR_STATUS[error.code], code: error.code, message: error.message, details: error.details, unexpected: false };
  }
  if (error instanceof ForbiddenKeyError) {
    return { status: 400, code: 'MALFORMED_REQUEST', message: error.message, unexpected: false };
  }
  if (error instanceof QueryFailedError && isInterrupted(error)) return describeError(new QueryTimeoutError());
  if (error instanceof QueryFailedError && isUniqueViolation(error)) {
    // A concurrent request won the race past the service's own check.
    return { status: 409, code: 'CONFLICT', message: '数据已被其他操作修改或与已有记录重复，请刷新后重试', unexpected: false };
  }
  const expressError = (error ?? {}) as ExpressStyleError;
  if (expressError.code === 'EBADCSRFTOKEN') {
    return { status: 403, code: 'CSRF_INVALID', message: '表单已失效，请刷新页面后重新提交', unexpected: false };
  }
  // Errors from Nest itself (unknown route, throttler) and from express middleware (body parser).
  const status = error instanceof HttpException ? error.getStatus() : (expressError.status ?? expressError.statusCode);
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? 'MALFORMED_REQUEST';
    return { status, code, message: STATUS_MESSAGES[code] ?? '请求有误', unexpected: false };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL',
    message: '服务器内部错误，请稍后重试；如问题持续，请将错误编号告知管理员',
    unexpected: true,
  };
}

/**
 * MariaDB's max_statement_time (1969) and MySQL's max_execution_time (3024) stopped the statement, or
 * it was killed (1317): the database is too busy for it or it asks too much, which a client can retry.
 */
const INTERRUPTED = new Set([1969, 3024, 1317]);

function isInterrupted(error: QueryFailedError): boolean {
  return INTERRUPTED.has((error.driverError as { errno?: number } | undefined)?.errno ?? 0);
}

function isUniqueViolation(error: QueryFailedError): boolean {
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
