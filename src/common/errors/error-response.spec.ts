import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
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
});
