import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuditActor } from '@app/persistence';
import type { Principal } from '../auth/principal';

/** The caller, as the audit log records them: user, role, organisation and the request's id. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): AuditActor => {
  const request = context.switchToHttp().getRequest<{ user: Principal; id?: unknown }>();
  return actorOf(request.user, typeof request.id === 'string' ? request.id : null);
});

export function actorOf(principal: Principal, requestId: string | null): AuditActor {
  return {
    userId: principal.userId,
    role: principal.role,
    organisation: principal.localAuthorityCode ?? principal.providerId ?? principal.allianceId ?? 'platform',
    requestId,
  };
}
