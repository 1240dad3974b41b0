import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const PAGE_SIZE = 25;

export interface ReferralFilters {
  status?: string;
  urgency?: string;
  page?: number;
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
              limit: PAGE_SIZE,
              offset: ((filters.page ?? 1) - 1) * PAGE_SIZE,
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
    refetchInterval: (query) => (query.state.data && MOVING.has(query.state.data.status) ? 200 : 10_000),
  });

export const matchesQuery = (id: string, status: string | undefined) =>
  queryOptions({
    queryKey: ['referrals', id, 'matches', status],
    queryFn: () => unwrap(api.GET('/api/v1/referrals/{id}/matches', { params: { path: { id } } })),
    refetchInterval: 15_000,
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
