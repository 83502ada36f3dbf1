import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../access/access.decorators';
import { navigationFor, roleLabel } from './navigation';

/** Gives every signed-in page its header: who is signed in and the navigation for their role. */
@Injectable()
export class PageContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    if (req.actor) {
      res.locals.currentUser = { displayName: req.actor.displayName, username: req.actor.username, roleLabel: roleLabel(req.actor) };
      res.locals.nav = navigationFor(req.actor, req.path);
    }
    return next.handle();
  }
}
