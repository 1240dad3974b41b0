import { Injectable } from '@nestjs/common';
import {
  assertValidWeights,
  costCannotOutweighNeedsAndProximity,
  DEFAULT_WEIGHTS,
  DomainError,
  MatchingWeights,
  WEIGHT_KEYS,
} from '@app/domain';
import { OrganisationRepository, OutboxSignal } from '@app/persistence';
import { JobName, outboxJob } from '@app/queue';
import { assertMayCommission } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import type { MatchingWeightsDto } from './dto/matching-weights.dto';

const REMATCH = {
  routine: outboxJob(JobName.RematchReferral),
  emergency: outboxJob(JobName.RematchEmergency),
};

@Injectable()
export class MatchingWeightsService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly outbox: OutboxSignal,
  ) {}

  async get(principal: Principal, allianceId: string) {
    assertMayCommission(principal, allianceId);
    const found = await this.organisations.findMatchingWeights(allianceId);
    if (!found) throw DomainError.notFound('Alliance');
    return view(allianceId, found.weights);
  }

  /**
   * Sets the alliance's weights and re-matches every referral of its LAs that awaits placement,
   * so shortlists follow the new weights within seconds.
   */
  async set(principal: Principal, allianceId: string, dto: MatchingWeightsDto) {
    assertMayCommission(principal, allianceId);
    const weights = Object.fromEntries(WEIGHT_KEYS.map((key) => [key, dto[key]])) as unknown as MatchingWeights;
    assertValidWeights(weights);
    const updated = await this.organisations.setMatchingWeights(allianceId, weights, REMATCH);
    if (!updated) throw DomainError.notFound('Alliance');
    this.outbox.signal();
    return view(allianceId, weights);
  }
}

function view(allianceId: string, weights: MatchingWeights | null) {
  const effective = weights ?? DEFAULT_WEIGHTS;
  return {
    allianceId,
    ...effective,
    /** True while the alliance uses the platform's default weights. */
    isDefault: weights === null,
    /**
     * False when cost carries enough weight that a cheaper vacancy could outrank one that fits the
     * child's needs or distance better: allowed, but the commissioner should know.
     */
    costCannotOutweighNeedsAndProximity: costCannotOutweighNeedsAndProximity(effective),
  };
}
