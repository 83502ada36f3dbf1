import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Access } from './access';
import type { Actor } from './actor';
import type { Permission } from './permissions';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_PERMISSION = 'access:permission';

/** Open to anyone, signed in or not (sign-in, health, the API document). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permission a route needs; the guard grants it with the role's scope or answers 403. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: '未登录或令牌无效' }),
    ApiForbiddenResponse({ description: '角色无此权限' }),
  );

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  access?: Access;
}

/** The Access the PermissionGuard granted this request. */
export const CurrentAccess = createParamDecorator((_: unknown, ctx: ExecutionContext): Access => {
  const access = ctx.switchToHttp().getRequest<AuthenticatedRequest>().access;
  if (!access) throw new Error('CurrentAccess used on a route without RequirePermission');
  return access;
});
