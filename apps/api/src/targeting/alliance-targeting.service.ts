import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { OrganisationRepository } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import type { TargetingResponse } from './dto/targeting.response';

/** An alliance's rule for who its referrals are sent to automatically, for its commissioners and admins. */
@Injectable()
export class AllianceTargetingService {
  constructor(private readonly organisations: OrganisationRepository) {}

  async get(principal: Principal, allianceId: string): Promise<TargetingResponse> {
    assertMayCommission(principal, allianceId);
    const autoSendTopProviders = await this.organisations.autoSendTopProviders(allianceId);
    if (autoSendTopProviders === null) throw DomainError.notFound('Alliance');
    return { allianceId, autoSendTopProviders };
  }

  async set(principal: Principal, allianceId: string, autoSendTopProviders: number): Promise<TargetingResponse> {
    assertMayCommission(principal, allianceId);
    if (!(await this.organisations.setAutoSendTopProviders(allianceId, autoSendTopProviders))) throw DomainError.notFound('Alliance');
    return { allianceId, autoSendTopProviders };
  }
}
