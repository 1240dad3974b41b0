import { DomainError } from '@app/domain';
import type { Principal } from './principal';

/** A provider's settings and vacancies are changed by that provider's users, or by an admin. */
export function mayManageProvider(principal: Principal, providerId: string): boolean {
  return principal.role === 'admin' || (principal.role === 'provider_user' && principal.providerId === providerId);
}

/**
 * Settings and vacancies are the region's shared picture: placement teams and commissioners read
 * them all, a provider only its own.
 */
export function mayReadProviderRecord(principal: Principal, providerId: string): boolean {
  return principal.role !== 'provider_user' || principal.providerId === providerId;
}

/** An alliance's commissioning figures and settings: its own commissioners and admins; anyone else is told it does not exist. */
export function assertMayCommission(principal: Principal, allianceId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role !== 'commissioner' || principal.allianceId !== allianceId) throw DomainError.notFound('Alliance');
}
