import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestAbandonedError } from './errors/domain-error';

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
  /** Set for reads (GET, HEAD) until their answer is sent; null for anything that changes data. */
  read: ReadBounds | null;
}

/**
 * A read is worth its database time only while someone waits for its answer. The database layer
 * starts no statement for it once `abandoned` has fired or `deadline` has passed, and stops the one it
 * is running. Writes get neither: what a person asked for is done even if they close the page.
 */
export interface ReadBounds {
  /** Aborted (with a RequestAbandonedError) when the client goes away before the answer. */
  abandoned: AbortSignal;
  /** Epoch milliseconds after which the read is no longer worth answering; null: none. */
  deadline: number | null;
  /** The time a read is given, from its start or from its last renewal (0: no deadline). */
  timeoutMs: number;
}

/**
 * Gives the current read its whole time again: a download written while it is read (an Excel ledger of
 * 400,000 rows) is many reads, one per batch, each bounded as a request would be, and still stopped when
 * its client goes away. Outside a read, does nothing.
 */
export function renewReadDeadline(): void {
  const read = currentRequestContext()?.read;
  if (read && read.timeoutMs > 0) read.deadline = Date.now() + read.timeoutMs;
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

/**
 * Runs `work` as no request's: for what a request sets going but does not own (the job runner woken
 * by it), which must neither carry its actor nor be cancelled with it.
 */
export function outsideRequest<T>(work: () => T): T {
  return storage.exit(work);
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Runs the rest of the request inside its context, so audit entries and logs can find it; a read is
 * bounded by `readTimeoutMs` (0: no deadline) and by its client staying.
 */
export function requestContextMiddleware(readTimeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const context: RequestContext = { correlationId: String(res.getHeader(CORRELATION_HEADER)), ip: req.ip ?? null, actor: null, read: null };
    if (READ_METHODS.has(req.method)) {
      const abandoned = new AbortController();
      context.read = { abandoned: abandoned.signal, deadline: readTimeoutMs > 0 ? Date.now() + readTimeoutMs : null, timeoutMs: readTimeoutMs };
      res.on('close', () => {
        // Closed before the whole answer was written: the client went away (or its connection broke).
        if (!res.writableFinished) abandoned.abort(new RequestAbandonedError());
        // Answered: whatever the request left running afterwards is not bounded by it.
        else context.read = null;
      });
    }
    storage.run(context, next);
  };
}
