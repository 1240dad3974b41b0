import { DomainError } from '@app/domain';
import type { OrganisationRepository } from '@app/persistence';

/** An alliance's members must be LAs the platform knows: a 400 on `localAuthorityCodes` names the others. */
export async function assertKnownLocalAuthorities(organisations: OrganisationRepository, codes: string[]): Promise<void> {
  const known = await organisations.existingLocalAuthorityCodes(codes);
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) throw DomainError.invalid('localAuthorityCodes', `unknown local authorities: ${unknown.join(', ')}`);
}
