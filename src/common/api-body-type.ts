import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './errors/domain-error';

/** The body types the API reads: JSON, and multipart/form-data where files come with it. */
const API_BODY_TYPES = ['application/json', 'multipart/form-data'];

/**
 * Refuses an API request whose body is of another type (a form, plain text, XML) with 415, saying what to
 * send. Left to the routes, such a body is not parsed and would be refused field by field as if empty.
 */
export function requireApiBodyType(req: Request, _res: Response, next: NextFunction): void {
  // An empty body (Content-Length: 0, as a POST without data sends) needs no type.
  const hasBody = req.get('Transfer-Encoding') !== undefined || Number(req.get('Content-Length')) > 0;
  if (req.path.startsWith('/api/') && hasBody && !req.is(API_BODY_TYPES)) {
    next(new DomainError('UNSUPPORTED_MEDIA_TYPE', `接口的请求体须为 JSON，请设置 Content-Type: application/json（接收附件的接口另可用 multipart/form-data）；收到的是 ${req.get('Content-Type')?.split(';')[0].replace(/[^\x21-\x7e]/g, '').slice(0, 60) || '未注明类型的内容'}`));
    return;
  }
  next();
}
