import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { AllianceRepository, DuplicateNameError, OrganisationRepository, OutboxSignal } from '@app/persistence';
import type { AllianceView, AuditActor } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import { listPage, type ListQuery } from '../common/page.query';
import { assertKnownLocalAuthorities } from './alliance-members';
import type { AllianceDetailResponse, AlliancePageResponse, UpdateAllianceDto, UpdatedAllianceResponse } from './dto/alliance.dto';

/** Alliances and their members: admins see and change every one, a commissioner reads its own. */
@Injectable()
export class AlliancesService {
  constructor(
    private readonly alliances: AllianceRepository,
    private readonly organisations: OrganisationRepository,
    private readonly outbox: OutboxSignal,
  ) {}

  async list(principal: Principal, query: ListQuery): Promise<AlliancePageResponse> {
    const onlyId = principal.role === 'admin' ? undefined : principal.allianceId;
    if (principal.role !== 'admin' && !onlyId) return { items: [], total: 0 };
    const page = await this.alliances.list({ onlyId }, listPage(query));
    return { items: page.items.map(allianceView), total: page.total };
  }

  async get(principal: Principal, id: string): Promise<AllianceDetailResponse> {
    assertMayCommission(principal, id);
    const alliance = await this.alliances.find(id);
    if (!alliance) throw DomainError.notFound('Alliance');
    return allianceView(alliance);
  }

  /** Renames it and/or sets its members; the referrals of LAs that joined or left are re-matched. */
  async update(actor: AuditActor, id: string, dto: UpdateAllianceDto): Promise<UpdatedAllianceResponse> {
    if (dto.localAuthorityCodes) await assertKnownLocalAuthorities(this.organisations, dto.localAuthorityCodes);
    try {
      const changes = { name: dto.name?.trim(), localAuthorityCodes: dto.localAuthorityCodes };
      const updated = await this.alliances.update(id, changes, actor);
      if (!updated) throw DomainError.notFound('Alliance');
      if (updated.rematched > 0) this.outbox.signal();
      return { ...allianceView(updated.alliance), rematched: updated.rematched };
    } catch (error) {
      if (error instanceof DuplicateNameError) throw new DomainError(DomainErrorCode.Conflict, 'An alliance with this name already exists');
      throw error;
    }
  }
}

function allianceView(alliance: AllianceView): AllianceDetailResponse {
  return {
    id: alliance.id,
    name: alliance.name,
    localAuthorityCodes: alliance.localAuthorities.map((la) => la.code).sort(),
    localAuthorities: alliance.localAuthorities,
    memberCount: alliance.localAuthorities.length,
  };
}
