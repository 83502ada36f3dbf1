import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { sameSiteReferer } from '../referer';
import { CORRELATION_HEADER, currentRequestContext } from '../request-context';
import { describeError, ErrorBody } from './error-response';

/** Pages get an HTML error page (or the sign-in page); everything else gets JSON. */
export function isPageRequest(req: Request): boolean {
  // Routing ignores case, so the classification must too: /API/units is the API, not a page.
  const path = req.path.toLowerCase();
  return !path.startsWith('/api') && path !== '/health';
}

const logger = new Logger('Errors');

const PAGE_TITLES: Record<number, string> = { 400: '提交的内容有误', 403: '无权访问', 404: '页面或对象不存在', 409: '操作未能完成', 413: '提交的内容过大', 429: '操作过于频繁', 503: '系统繁忙' };

export function respondWithError(error: unknown, req: Request, res: Response): void {
  const described = describeError(error);
  const correlationId = currentRequestContext()?.correlationId ?? String(res.getHeader(CORRELATION_HEADER) ?? '-');
  if (described.unexpected) {
    logger.error(`[${correlationId}] ${req.method} ${req.originalUrl} failed`, error instanceof Error ? error.stack : String(error));
  }
  if (res.headersSent) return;
  if (isPageRequest(req)) {
    if (described.status === 401) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    res.status(described.status).render('error', {
      // A refused form goes back to its page; anything else to the home page.
      back: req.method === 'GET' ? null : sameSiteReferer(req),
      // Within a signed-in page (its header already prepared) the error keeps the navigation, so the
      // person can go on from it; before that (sign-in, a refused permission) it stands alone.
      layout: res.locals.currentUser ? 'main' : 'bare',
      title: described.code === 'CSRF_INVALID' ? '表单已失效' : (PAGE_TITLES[described.status] ?? '系统出错了'),
      status: described.status,
      message: described.message,
      correlationId,
    });
    return;
  }
  const body: ErrorBody = {
    statusCode: described.status,
    code: described.code,
    message: described.message,
    ...(described.details === undefined ? {} : { details: described.details }),
    correlationId,
  };
  res.status(described.status).json(body);
}

/** Last express error handler, for errors raised before Nest's router (body parser, CSRF). */
export function expressErrorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  respondWithError(error, req, res);
}
