import { api, unwrap } from '../../api/client';
import type { SessionUser } from '../../api/session';

/** Every English LA, code to name: reference data that does not change while the app is open. */
export const localAuthoritiesQuery = () => ({
  queryKey: ['local-authorities'],
  queryFn: () => unwrap(api.GET('/api/v1/local-authorities')),
  staleTime: Infinity,
});

/** The name of the signed-in user's organisation, for the header. */
export function organisationQuery(user: SessionUser | null) {
  return {
    queryKey: ['organisation', user?.id],
    queryFn: async (): Promise<string | null> => {
      if (user?.localAuthorityCode) {
        const all = await unwrap(api.GET('/api/v1/local-authorities'));
        return all.find((la) => la.code === user.localAuthorityCode)?.name ?? user.localAuthorityCode;
      }
      if (user?.providerId) {
        const provider = await unwrap(api.GET('/api/v1/providers/{id}', { params: { path: { id: user.providerId } } }));
        return provider.name;
      }
      return null;
    },
    staleTime: Infinity,
  };
}
