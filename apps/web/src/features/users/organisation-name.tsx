import { useQuery } from '@tanstack/react-query';
import { localAuthoritiesQuery } from '../home/organisation';
import { providerQuery } from '../placements/queries';
import { alliancesQuery } from '../organisations/queries';
import type { AdminUser } from './users';

/** The organisation a user's role belongs to, by name. */
export function OrganisationName({ user }: { user: Pick<AdminUser, 'localAuthorityCode' | 'providerId' | 'allianceId'> }) {
  const localAuthorities = useQuery({ ...localAuthoritiesQuery(), enabled: Boolean(user.localAuthorityCode) });
  const provider = useQuery(providerQuery(user.providerId));
  const alliances = useQuery({ ...alliancesQuery(), enabled: Boolean(user.allianceId) });
  if (user.localAuthorityCode) {
    return <>{localAuthorities.data?.find((la) => la.code === user.localAuthorityCode)?.name ?? user.localAuthorityCode}</>;
  }
  if (user.providerId) return <>{provider.data?.name ?? `Provider ${user.providerId}`}</>;
  if (user.allianceId) return <>{alliances.data?.items.find((alliance) => alliance.id === user.allianceId)?.name ?? `Alliance ${user.allianceId}`}</>;
  return <>None</>;
}
