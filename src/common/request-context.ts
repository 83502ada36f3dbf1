import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Who a request runs for, as far as logs and the audit trail need to know. The signed-in actor
 * (access/) fits it; common/ names only the fields it uses and depends on nothing above it.
 */
export interface ContextActor {
  userId: number;
  username: string;
  unitId: number | null;
}

export interface RequestContext {
  correlationId: string;
  ip: string | null;
  actor: ContextActor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The context of the request being served, or null outside one (start-up, jobs). */
export function currentRequestContext(): RequestContext | null {
  return storage.getStore() ?? null;
}

export const CORRELATION_HEADER = 'X-Request-Id';
const ACCEPTABLE_CORRELATION_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** First middleware: a correlation id for every response, kept from the caller when well-formed. */
export function assignCorrelationId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get(CORRELATION_HEADER);
  res.setHeader(CORRELATION_HEADER, incoming && ACCEPTABLE_CORRELATION_ID.test(incoming) ? incoming : randomUUID());
  next();
}

/** Runs the rest of the request inside its context, so audit entries and logs can find it. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  storage.run({ correlationId: String(res.getHeader(CORRELATION_HEADER)), ip: req.ip ?? null, actor: null }, next);
}
