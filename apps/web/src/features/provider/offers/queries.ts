import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { OfferStatus, Page, ProviderOffer } from '../types';

export const OFFERS_PAGE_SIZE = 20;

export const providerOffersQuery = (filter: { status?: OfferStatus; page?: number; limit?: number }) =>
  queryOptions({
    queryKey: ['provider-offers', filter],
    queryFn: () => {
      const limit = filter.limit ?? OFFERS_PAGE_SIZE;
      return unwrap(
        api.GET('/api/v1/provider/offers', {
          params: { query: { status: filter.status, limit, offset: ((filter.page ?? 1) - 1) * limit } },
        }),
      ) as Promise<Page<ProviderOffer>>;
    },
    placeholderData: keepPreviousData,
  });

export const useProviderOffers = (filter: Parameters<typeof providerOffersQuery>[0]) => useQuery(providerOffersQuery(filter));
