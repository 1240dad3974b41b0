import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Hold, Setting, SettingBody, Vacancy, VacancyTerms } from '../types';

/** The api's largest page: a provider's homes and vacancies fit on one. */
const ALL = 500;

export const settingsQuery = () =>
  queryOptions({
    queryKey: ['settings'],
    queryFn: () => unwrap(api.GET('/api/v1/settings', { params: { query: { limit: ALL } } })) as Promise<Setting[]>,
  });

export const settingQuery = (id: string) =>
  queryOptions({
    queryKey: ['settings', id],
    queryFn: () => unwrap(api.GET('/api/v1/settings/{id}', { params: { path: { id } } })) as Promise<Setting>,
  });

/** Every vacancy of ours, any status: the api has no per-setting filter, so pages pick theirs out. */
export const vacanciesQuery = () =>
  queryOptions({
    queryKey: ['vacancies'],
    queryFn: () => unwrap(api.GET('/api/v1/vacancies', { params: { query: { limit: ALL } } })) as Promise<Vacancy[]>,
  });

export const vacancyQuery = (id: string) =>
  queryOptions({
    queryKey: ['vacancies', id],
    queryFn: () => unwrap(api.GET('/api/v1/vacancies/{id}', { params: { path: { id } } })) as Promise<Vacancy>,
  });

/** Beds placement teams are holding; fetched again every 15 s and when a hold lapses. */
export const holdsQuery = (vacancyId: string) =>
  queryOptions({
    queryKey: ['vacancies', vacancyId, 'holds'],
    queryFn: async () => {
      const answer = (await unwrap(api.GET('/api/v1/vacancies/{id}/holds', { params: { path: { id: vacancyId } } }))) as {
        items: Hold[];
      };
      return answer.items;
    },
    refetchInterval: 15_000,
  });

export const useSettings = () => useQuery(settingsQuery());
export const useSetting = (id: string) => useQuery(settingQuery(id));
export const useVacancies = () => useQuery(vacanciesQuery());
export const useVacancy = (id: string) => useQuery(vacancyQuery(id));

export function useSaveSetting(settingId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ providerId, ...changes }: SettingBody) =>
      (settingId
        ? unwrap(api.PATCH('/api/v1/settings/{id}', { params: { path: { id: settingId } }, body: changes }))
        : unwrap(api.POST('/api/v1/settings', { body: { providerId, ...changes } }))) as Promise<Setting>,
    // A setting's name and type show on its vacancies too.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['settings'] }), invalidateVacancies(queryClient)]),
  });
}

const invalidateVacancies = (queryClient: ReturnType<typeof useQueryClient>) =>
  queryClient.invalidateQueries({ queryKey: ['vacancies'] });

export function useCreateVacancy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<VacancyTerms, 'availableUntil'> & { settingId: string; availableUntil?: string }) =>
      unwrap(api.POST('/api/v1/vacancies', { body })) as Promise<Vacancy>,
    onSuccess: () => invalidateVacancies(queryClient),
  });
}

/** PATCH with the version the change was made against: a stale one is a 412 and changes nothing. */
export function useUpdateVacancy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: Partial<VacancyTerms> }) =>
      unwrap(
        api.PATCH('/api/v1/vacancies/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: changes,
        }),
      ) as Promise<Vacancy>,
    // After a 412 too: the page compares what was typed with what is saved now.
    onSettled: () => invalidateVacancies(queryClient),
  });
}

export function useWithdrawVacancy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/vacancies/{id}/withdraw', { params: { path: { id } } })) as Promise<Vacancy>,
    onSettled: () => invalidateVacancies(queryClient),
  });
}

/** "Still available": confirms the vacancy without changing it, so it is not stale. */
export function useConfirmVacancy(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/vacancies/{id}/confirm', { params: { path: { id } } })) as Promise<Vacancy>,
    onSettled: () => invalidateVacancies(queryClient),
  });
}
