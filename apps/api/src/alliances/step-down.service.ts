import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { OrganisationRepository } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';

/** An alliance's step-down days, for its commissioners and admins. */
@Injectable()
export class StepDownService {
  constructor(private readonly organisations: OrganisationRepository) {}

  async get(principal: Principal, allianceId: string) {
    assertMayCommission(principal, allianceId);
    const days = await this.organisations.stepDownDays(allianceId);
    if (days === null) throw DomainError.notFound('Alliance');
    return { allianceId, days };
  }

  async set(principal: Principal, allianceId: string, days: number) {
    assertMayCommission(principal, allianceId);
    if (!(await this.organisations.setStepDownDays(allianceId, days))) throw DomainError.notFound('Alliance');
    return { allianceId, days };
  }
}
