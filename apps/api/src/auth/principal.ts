import type { Role } from '@app/persistence';

/** Who is calling, as the access token says: a user, its role and the one organisation it belongs to. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  localAuthorityCode?: string;
  providerId?: string;
  allianceId?: string;
}
