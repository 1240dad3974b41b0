import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Body, Ok } from '../../api/types';

export type Alliance = Ok<'/api/v1/alliances/{id}'>;
export type ProviderListItem = Ok<'/api/v1/providers'>['items'][number];
export type AllianceChanges = Body<'/api/v1/alliances/{id}', 'patch'>;
export type NewAlliance = Body<'/api/v1/alliances', 'post'>;
export type NewProvider = Body<'/api/v1/providers', 'post'>;
export type ProviderChanges = Body<'/api/v1/providers/{id}', 'patch'>;

/** Alliances fit on one page: there are a few dozen in England. */
const ALL_ALLIANCES = 200;
export const PROVIDERS_PAGE_SIZE = 50;
/** The api's largest page of settings: one provider's homes fit on it. */
const ALL_SETTINGS = 500;

export const alliancesQuery = () =>
  queryOptions({
    queryKey: ['alliances'],
    queryFn: () => unwrap(api.GET('/api/v1/alliances', { params: { query: { limit: ALL_ALLIANCES } } })),
  });

export const allianceQuery = (id: string) =>
  queryOptions({
    queryKey: ['alliances', id],
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}', { params: { path: { id } } })),
  });

export function useCreateAlliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAlliance) => unwrap(api.POST('/api/v1/alliances', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alliances'] }),
  });
}

export function useUpdateAlliance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AllianceChanges) => unwrap(api.PATCH('/api/v1/alliances/{id}', { params: { path: { id } }, body })),
    onSuccess: (alliance) => {
      queryClient.setQueryData(allianceQuery(id).queryKey, alliance);
      return queryClient.invalidateQueries({ queryKey: ['alliances'], exact: true });
    },
  });
}

export function useProviders(search: string | undefined, page: number) {
  return useQuery({
    queryKey: ['providers', { search, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/providers', {
          params: { query: { search, limit: PROVIDERS_PAGE_SIZE, offset: (page - 1) * PROVIDERS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export const providerQuery = (id: string) =>
  queryOptions({
    queryKey: ['providers', id],
    queryFn: () => unwrap(api.GET('/api/v1/providers/{id}', { params: { path: { id } } })),
  });

export const providerSettingsQuery = (providerId: string) =>
  queryOptions({
    queryKey: ['providers', providerId, 'settings'],
    queryFn: () => unwrap(api.GET('/api/v1/settings', { params: { query: { providerId, limit: ALL_SETTINGS } } })),
  });

export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProvider) => unwrap(api.POST('/api/v1/providers', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['providers'] }),
  });
}

export function useUpdateProvider(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProviderChanges) => unwrap(api.PATCH('/api/v1/providers/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['providers'] }),
  });
}
