import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { Access } from '../access/access';
import type { AuthenticatedRequest } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import type { Card } from '../listings/listing-rules';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import { navigationFor, roleLabel } from './navigation';

/** Gives every signed-in page its header (who is signed in, the navigation for their role, unread messages) and the units' current cards. */
@Injectable()
export class PageContextInterceptor implements NestInterceptor {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly listings: ListingsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const actor = req.actor;
    if (!actor) return next.handle();
    res.locals.currentUser = { displayName: actor.displayName, username: actor.username, roleLabel: roleLabel(actor) };
    res.locals.nav = navigationFor(actor, req.path);
    // A unit contact sees its own unit's card only, as the listings API would show it.
    const cardScope = scopeOf(actor.role, Permission.ListingsRead);
    const cards = cardScope ? this.listings.currentCards(new Access(actor, Permission.ListingsRead, cardScope)) : Promise.resolve(new Map<number, Card>());
    return from(Promise.all([this.notifications.unreadCount(actor.userId), cards])).pipe(
      switchMap(([unread, cards]) => {
        res.locals.unreadCount = unread;
        // Current cards, shown beside a unit's name wherever it appears ({{unitCard unitId}}).
        res.locals.cards = Object.fromEntries(cards);
        return next.handle();
      }),
    );
  }
}
