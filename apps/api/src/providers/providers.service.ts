import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { OrganisationRepository, ProviderRepository } from '@app/persistence';
import type { AuditActor, ProviderListItem } from '@app/persistence';
import { listPage } from '../common/page.query';
import type { ProviderResponse } from './dto/provider.response';
import type { ListProvidersQuery, ProviderListItemResponse, ProviderPageResponse, UpdateProviderDto } from './dto/provider-admin.dto';
import { OfstedRegister } from './ofsted-register';
import { providerView } from './provider-view';

/** Providers as the region knows them: who runs a setting, named for anyone signed in. */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly providers: ProviderRepository,
    private readonly register: OfstedRegister,
  ) {}

  async get(id: string): Promise<ProviderResponse> {
    const provider = await this.organisations.findProvider(id);
    if (!provider) throw DomainError.notFound('Provider');
    return providerView(provider);
  }

  async list(query: ListProvidersQuery): Promise<ProviderPageResponse> {
    const page = await this.providers.list({ search: query.search?.trim() || undefined }, listPage(query));
    return { items: page.items.map(listItemView), total: page.total };
  }

  /** Renames a provider and/or links it to an Ofsted registration the register holds and no other provider does. */
  async update(actor: AuditActor, id: string, dto: UpdateProviderDto): Promise<ProviderListItemResponse> {
    const ofstedUrn = dto.ofstedUrn === undefined ? undefined : (dto.ofstedUrn?.toUpperCase() ?? null);
    if (ofstedUrn && !this.register.has(ofstedUrn)) {
      throw DomainError.invalid('ofstedUrn', "is not on Ofsted's register of children's social care providers");
    }
    const result = await this.providers.update(id, { name: dto.name?.trim(), ofstedUrn }, actor);
    if (result.kind === 'not_found') throw DomainError.notFound('Provider');
    if (result.kind === 'urn_held') throw new DomainError(DomainErrorCode.Conflict, 'Another provider already holds this Ofsted URN');
    return listItemView(result.provider);
  }
}

function listItemView(provider: ProviderListItem): ProviderListItemResponse {
  return {
    id: provider.id,
    name: provider.name,
    sector: provider.sector,
    ...(provider.ofstedUrn ? { ofstedUrn: provider.ofstedUrn } : {}),
    ofstedUrns: [...new Set([...(provider.ofstedUrn ? [provider.ofstedUrn] : []), ...provider.settingOfstedUrns])].sort(),
    settingCount: provider.settingCount,
    createdAt: new Date(provider.createdAt).toISOString(),
  };
}
