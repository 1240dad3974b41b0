import type { UserEntity } from '@app/persistence';
import type { AuthUserResponse } from './dto/auth-user.response';

/** A user as it is shown to itself and to admins: the organisation its role needs, and contact details when set. */
export function userView(user: UserEntity): AuthUserResponse {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    ...(user.localAuthorityCode ? { localAuthorityCode: user.localAuthorityCode } : {}),
    ...(user.providerId ? { providerId: user.providerId } : {}),
    ...(user.allianceId ? { allianceId: user.allianceId } : {}),
    ...(user.displayName ? { displayName: user.displayName } : {}),
    ...(user.phone ? { phone: user.phone } : {}),
    mustChangePassword: user.mustChangePassword,
  };
}
