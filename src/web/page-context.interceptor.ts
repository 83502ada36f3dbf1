import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '../access/access.decorators';
import { NotificationsService } from '../notifications/notifications.service';
import { navigationFor, roleLabel } from './navigation';

/** Gives every signed-in page its header: who is signed in, the navigation for their role, unread messages. */
@Injectable()
export class PageContextInterceptor implements NestInterceptor {
  constructor(private readonly notifications: NotificationsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const actor = req.actor;
    if (!actor) return next.handle();
    res.locals.currentUser = { displayName: actor.displayName, username: actor.username, roleLabel: roleLabel(actor) };
    res.locals.nav = navigationFor(actor, req.path);
    return from(this.notifications.unreadCount(actor.userId)).pipe(
      switchMap((unread) => {
        res.locals.unreadCount = unread;
        return next.handle();
      }),
    );
  }
}
