import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Access, roleDenied } from './access';
import { AuthenticatedRequest, IS_PUBLIC, REQUIRED_PERMISSION } from './access.decorators';
import { Permission, scopeOf } from './permissions';

/**
 * Second of the two global guards: the signed-in role must hold the route's permission. Routes that
 * declare none are closed, so a forgotten decorator fails safe.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = req.actor;
    if (!actor) throw new Error('PermissionGuard ran before authentication');
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const scope = permission ? scopeOf(actor.role, permission) : null;
    if (!permission || !scope) {
      throw roleDenied({ actor, permission: permission ?? ('none' as Permission), objectType: 'route', objectId: `${req.method} ${req.path}` });
    }
    req.access = new Access(actor, permission, scope);
    return true;
  }
}
