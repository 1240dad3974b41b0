import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Body } from '../../api/types';
import type { AdminUser, Role } from './users';

export const USERS_PAGE_SIZE = 50;

export const usersQuery = (filter: { search?: string; role?: Role; page?: number }) =>
  queryOptions({
    queryKey: ['users', 'list', filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/admin/users', {
          params: {
            query: { search: filter.search, role: filter.role, limit: USERS_PAGE_SIZE, offset: ((filter.page ?? 1) - 1) * USERS_PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['users', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/admin/users/{id}', { params: { path: { id } } })),
    retry: false,
  });

export const useUsers = (filter: Parameters<typeof usersQuery>[0]) => useQuery(usersQuery(filter));
export const useAdminUser = (id: string) => useQuery(userQuery(id));

/** Disables, enables or resets a user; the answer (without any temporary password) is the user from now on. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: Body<'/api/v1/admin/users/{id}', 'patch'> }) =>
      unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: change })),
    onSuccess: ({ temporaryPassword: _shownOnce, ...user }) => {
      queryClient.setQueryData<AdminUser>(userQuery(user.id).queryKey, user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/v1/admin/users', 'post'>) => unwrap(api.POST('/api/v1/admin/users', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users', 'list'] }),
  });
}
