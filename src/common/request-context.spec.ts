import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { currentRequestContext, renewReadDeadline, requestContextMiddleware } from './request-context';

/** Runs `work` inside a request of `method`, as the middleware sets it up. */
function inRequest(method: string, timeoutMs: number, work: () => void): void {
  const res = Object.assign(new EventEmitter(), { getHeader: () => 'correlation-1', writableFinished: false }) as unknown as Response;
  requestContextMiddleware(timeoutMs)({ method, ip: '127.0.0.1' } as Request, res, work as NextFunction);
}

describe('renewReadDeadline', () => {
  afterEach(() => jest.useRealTimers());

  it('gives a read its whole time again from now', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    inRequest('GET', 20_000, () => {
      expect(currentRequestContext()!.read!.deadline).toBe(1_020_000);
      jest.setSystemTime(1_015_000);
      renewReadDeadline();
      expect(currentRequestContext()!.read!.deadline).toBe(1_035_000);
    });
  });

  it.each([
    ['a read without a deadline', 'GET', 0],
    ['a write', 'POST', 20_000],
  ])('leaves %s as it is', (_name, method, timeoutMs) => {
    inRequest(method, timeoutMs, () => {
      const before = currentRequestContext()!.read?.deadline ?? null;
      renewReadDeadline();
      expect(currentRequestContext()!.read?.deadline ?? null).toBe(before);
    });
  });

  it('does nothing outside a request', () => {
    expect(() => renewReadDeadline()).not.toThrow();
    expect(currentRequestContext()).toBeNull();
  });
});
