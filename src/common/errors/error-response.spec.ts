import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ERROR_CODES, ERROR_STATUS, ErrorCode } from './error-codes';
import { describeError } from './error-response';

describe('describeError', () => {
  it('maps a domain error to the status of its code and keeps its message', () => {
    expect(describeError(new DomainError('USERNAME_TAKEN', '登录名已被使用'))).toEqual({
      status: 409,
      code: 'USERNAME_TAKEN',
      message: '登录名已被使用',
      details: undefined,
      unexpected: false,
    });
  });

  it('hides an unknown error behind a generic 500 and flags it for the log', () => {
    const described = describeError(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(described).toMatchObject({ status: 500, code: 'INTERNAL', unexpected: true });
    expect(described.message).not.toContain('secret');
    expect(described.message).toContain('错误编号');
  });

  it('gives framework and middleware errors a Chinese message', () => {
    expect(describeError(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '请求的地址或对象不存在' });
    expect(describeError(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }))).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('turns a unique-key race lost in the database into 409', () => {
    const error = new QueryFailedError('INSERT …', [], Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' }));
    expect(describeError(error)).toMatchObject({ status: 409, code: 'CONFLICT', unexpected: false });
  });

  it.each([
    ['MariaDB max_statement_time', 1969],
    ['MySQL max_execution_time', 3024],
    ['KILL QUERY', 1317],
  ])('answers a statement stopped by %s with 503 QUERY_TIMEOUT, without its SQL', (_, errno) => {
    const error = new QueryFailedError('SELECT secret_column FROM t', [], Object.assign(new Error('Query execution was interrupted'), { errno }));
    const described = describeError(error);
    expect(described).toMatchObject({ status: 503, code: 'QUERY_TIMEOUT', unexpected: false });
    expect(described.message).toContain('查询用时超过了允许的上限');
    expect(described.message).not.toContain('secret_column');
  });

  it.each<[ErrorCode, number]>([
    ['DRAFT_INCOMPLETE', 400],
    ['ALREADY_ACKNOWLEDGED', 409],
    ['NOTICE_NOT_DRAFT', 409],
    ['PDF_NOT_READY', 409],
    ['DELISTING_CONDITIONS_UNMET', 409],
    ['EXTENSION_PENDING', 409],
  ])('answers the specific refusal %s with the status it always had (%i)', (code, status) => {
    expect(describeError(new DomainError(code, '说明'))).toMatchObject({ status, code, message: '说明' });
  });

  it('has a status and a meaning for every code', () => {
    const codes = Object.keys(ERROR_CODES) as ErrorCode[];
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      expect(ERROR_STATUS[code]).toBe(ERROR_CODES[code].status);
      expect(ERROR_CODES[code].means.length).toBeGreaterThan(3);
    }
  });
});
