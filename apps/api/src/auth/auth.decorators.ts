import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/persistence';
import { ApiErrors } from '../common/error.response';
import type { Principal } from './principal';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** No token needed: login, health and the API docs only. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The roles that may call a route; others get 403, as the OpenAPI document says. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES, roles), ApiErrors([403, `The caller's role may not do this: only ${roles.join(', ')}`]));

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().user,
);
