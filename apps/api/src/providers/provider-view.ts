import type { ProviderEntity } from '@app/persistence';
import type { ProviderResponse } from './dto/provider.response';

export function providerView(provider: ProviderEntity): ProviderResponse {
  return {
    id: provider.id,
    name: provider.name,
    sector: provider.sector,
    ...(provider.ofstedUrn ? { ofstedUrn: provider.ofstedUrn } : {}),
  };
}
