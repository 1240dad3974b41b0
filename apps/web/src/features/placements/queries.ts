import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Ok } from '../../api/types';

export type Placement = Ok<'/api/v1/placements/{id}'>;

export const PLACEMENTS_PAGE = 25;

export const placementsQuery = (state: 'live' | 'ended', page: number) =>
  queryOptions({
    queryKey: ['placements', 'list', state, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/placements', {
          params: { query: { state, limit: PLACEMENTS_PAGE, offset: (page - 1) * PLACEMENTS_PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const placementQuery = (id: string) =>
  queryOptions({
    queryKey: ['placements', id],
    queryFn: () => unwrap(api.GET('/api/v1/placements/{id}', { params: { path: { id } } })),
  });

export const providerQuery = (id: string | undefined) =>
  queryOptions({
    queryKey: ['providers', id],
    queryFn: () => unwrap(api.GET('/api/v1/providers/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: Infinity,
  });

/** A change to one placement shows in the lists as well: every placements query is refetched. */
export function useInvalidate(placementId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['placements'] });
}
