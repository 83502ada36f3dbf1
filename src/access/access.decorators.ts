import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { ApiErrorResponse } from '../common/errors/error-body.view';
import type { Request } from 'express';
import type { Access } from './access';
import type { Actor } from './actor';
import type { Permission } from './permissions';

export const IS_PUBLIC = 'access:public';
export const REQUIRED_PERMISSION = 'access:permission';

/**
 * The API document asks for a bearer token on every operation; `security: []` lifts that for this one.
 * Merged into the operation's metadata, since @nestjs/swagger drops an empty @ApiSecurity list.
 */
const ApiNoToken = (): MethodDecorator => (_target, _key, descriptor) => {
  const operation: object = Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value as object) ?? {};
  Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, descriptor.value as object);
};

/** Open to anyone, signed in or not (sign-in, health, the API document). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiNoToken());

/** The permission a route needs; the guard grants it with the role's scope or answers 403. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiErrorResponse(401, '未登录或令牌无效（UNAUTHENTICATED）'),
    ApiErrorResponse(403, '角色无此权限（FORBIDDEN）'),
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
