import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Outcome, Page, Placement, PlacementItem } from '../types';

export const PLACEMENTS_PAGE_SIZE = 20;

export const placementsQuery = (filter: { state: 'live' | 'ended'; page: number }) =>
  queryOptions({
    queryKey: ['placements', filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/placements', {
          params: {
            query: { state: filter.state, limit: PLACEMENTS_PAGE_SIZE, offset: (filter.page - 1) * PLACEMENTS_PAGE_SIZE },
          },
        }),
      ) as Promise<Page<PlacementItem>>,
    placeholderData: keepPreviousData,
  });

export const placementQuery = (id: string) =>
  queryOptions({
    queryKey: ['placements', id],
    queryFn: () => unwrap(api.GET('/api/v1/placements/{id}', { params: { path: { id } } })) as Promise<Placement>,
  });

export const usePlacements = (filter: Parameters<typeof placementsQuery>[0]) => useQuery(placementsQuery(filter));
export const usePlacement = (id: string) => useQuery(placementQuery(id));

/** A step of an outcome's journey, from our side: the placement's page shows it at once. */
export function useRecordProgress(placementId: string, outcomeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: string; note?: string }) =>
      unwrap(
        api.POST('/api/v1/placements/{id}/outcomes/{outcomeId}/updates', {
          params: { path: { id: placementId, outcomeId } },
          body: body as never,
        }),
      ) as Promise<Outcome>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['placements', placementId] }),
  });
}
