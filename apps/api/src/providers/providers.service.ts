import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { OrganisationRepository } from '@app/persistence';
import type { ProviderResponse } from './dto/provider.response';
import { providerView } from './provider-view';

/** Providers as the region knows them: who runs a setting, named for anyone signed in. */
@Injectable()
export class ProvidersService {
  constructor(private readonly organisations: OrganisationRepository) {}

  async get(id: string): Promise<ProviderResponse> {
    const provider = await this.organisations.findProvider(id);
    if (!provider) throw DomainError.notFound('Provider');
    return providerView(provider);
  }
}
