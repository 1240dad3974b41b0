import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const PAGE_SIZE = 25;

export interface ReferralFilters {
  status?: string;
  urgency?: string;
  page?: number;
  limit?: number;
}

/** Statuses that will change by themselves: the page polls while a referral is in one. */
export const MOVING = new Set(['submitted', 'matching']);

export const referralsQuery = (filters: ReferralFilters) =>
  queryOptions({
    queryKey: ['referrals', 'list', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/referrals', {
          params: {
            query: {
              status: (filters.status || undefined) as never,
              urgency: (filters.urgency || undefined) as never,
              limit: filters.limit ?? PAGE_SIZE,
              offset: ((filters.page ?? 1) - 1) * (filters.limit ?? PAGE_SIZE),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    // Status moves by itself (matching, providers' offers): keep the list current.
    refetchInterval: 5_000,
  });

export const referralQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', id],
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{id}', { params: { path: { id } } })),
    refetchInterval: 10_000,
  });

/**
 * The shortlist, which also says where matching stands: while the referral is being matched it is
 * asked for every 50 ms for ten seconds (a match takes tens of milliseconds), so the ranked list
 * appears the moment it is committed, then every second; once matched, every 15 s.
 */
export const matchesQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', id, 'matches'],
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{id}/matches', { params: { path: { id } } })),
    refetchInterval: (query) => {
      if (!MOVING.has(query.state.data?.status ?? 'submitted')) return 15_000;
      return query.state.dataUpdateCount < 200 ? 50 : 1_000;
    },
  });

export const exclusionsQuery = (id: string, status: string | undefined) =>
  queryOptions({
    queryKey: ['referrals', id, 'exclusions', status],
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{id}/exclusions', { params: { path: { id } } })),
  });

export const offersQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', id, 'offers'],
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{id}/offers', { params: { path: { id } } })),
    refetchInterval: 10_000,
  });

export const declinesQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', id, 'declines'],
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{id}/declines', { params: { path: { id } } })),
    refetchInterval: 15_000,
  });

export const recipientsQuery = (id: string) =>
  queryOptions({
    queryKey: ['referrals', id, 'recipients'],
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{id}/recipients', { params: { path: { id } } })),
    refetchInterval: 15_000,
  });

export const holdsQuery = (vacancyId: string) =>
  queryOptions({
    queryKey: ['vacancies', vacancyId, 'holds'],
    queryFn: () => unwrap(api.GET('/api/v1/vacancies/{id}/holds', { params: { path: { id: vacancyId } } })),
    refetchInterval: 30_000,
  });
