import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticatedRequest, IS_PUBLIC } from '../access/access.decorators';
import { isPageRequest } from '../common/errors/all-exceptions.filter';
import { UnauthenticatedError } from '../common/errors/domain-error';
import { currentRequestContext } from '../common/request-context';
import { TOKEN_COOKIE } from './auth.constants';
import { AuthService } from './auth.service';

/**
 * First of the two global guards: establishes who is asking. The API takes a Bearer token only and
 * pages take the HttpOnly cookie only, so a cookie can never authorise a cross-site API call.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = tokenOf(req);
    if (!token) throw new UnauthenticatedError();
    const actor = await this.auth.authenticate(token);
    req.actor = actor;
    const requestContext = currentRequestContext();
    if (requestContext) requestContext.actor = actor;
    return true;
  }
}

export function tokenOf(req: Request): string | undefined {
  if (isPageRequest(req)) return (req.cookies as Record<string, string> | undefined)?.[TOKEN_COOKIE];
  const header = req.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}
