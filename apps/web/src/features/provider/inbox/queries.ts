import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ProviderReferral } from '../types';

/**
 * Emergencies first, then the soonest needed: what a provider should answer next. A referral's rows
 * (one for each of our vacancies on its shortlist) stay together, best match first.
 */
export function inboxOrder(items: ProviderReferral[]): ProviderReferral[] {
  const emergency = (item: ProviderReferral) => (item.urgency === 'emergency' ? 0 : 1);
  return [...items].sort(
    (a, b) =>
      emergency(a) - emergency(b) ||
      a.requiredBy.localeCompare(b.requiredBy) ||
      a.referralId.localeCompare(b.referralId) ||
      b.score - a.score,
  );
}

/** Referrals shortlisted to our vacancies, asked for again every 15 seconds: emergencies come in at any hour. */
export const providerReferralsQuery = () =>
  queryOptions({
    queryKey: ['provider-referrals'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/provider/referrals', { params: { query: { limit: 200 } } })) as Promise<ProviderReferral[]>,
    select: inboxOrder,
    refetchInterval: 15_000,
  });

export const useProviderReferrals = () => useQuery(providerReferralsQuery());

/** Our answers change the inbox and the list of our offers. */
function useAnswer<Body>(referralId: string, path: '/api/v1/referrals/{id}/offers' | '/api/v1/referrals/{id}/declines') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => unwrap(api.POST(path, { params: { path: { id: referralId } }, body: body as never })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['provider-referrals'] }),
        queryClient.invalidateQueries({ queryKey: ['provider-offers'] }),
      ]),
  });
}

export const useMakeOffer = (referralId: string) =>
  useAnswer<{ vacancyId: string; weeklyCost: number; message?: string }>(referralId, '/api/v1/referrals/{id}/offers');

export const useDecline = (referralId: string) =>
  useAnswer<{ vacancyId: string; reason: string; note?: string }>(referralId, '/api/v1/referrals/{id}/declines');
