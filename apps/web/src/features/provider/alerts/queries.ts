import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ProviderNotification, WebhookSaved } from '../types';

/** Our emergency alerts, newest first; asked for again every 15 s, like the inbox. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: ['provider-notifications'],
    queryFn: async () => {
      const answer = (await unwrap(
        api.GET('/api/v1/provider/notifications', { params: { query: { limit: 100 } } }),
      )) as { items: ProviderNotification[] };
      return answer.items;
    },
    refetchInterval: 15_000,
  });

export const useNotifications = () => useQuery(notificationsQuery());

/** Saving the webhook queues the last day's alerts we have not received: the list changes. */
export function useSaveWebhook(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; secret: string }) =>
      unwrap(api.PUT('/api/v1/providers/{id}/webhook', { params: { path: { id: providerId } }, body })) as Promise<WebhookSaved>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['provider-notifications'] }),
  });
}
