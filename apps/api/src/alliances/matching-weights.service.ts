import { Injectable } from '@nestjs/common';
import {
  assertValidWeights,
  costCannotOutweighNeedsAndProximity,
  DEFAULT_WEIGHTS,
  DomainError,
  MatchingWeights,
  previewWeights,
  WEIGHT_KEYS,
} from '@app/domain';
import { OrganisationRepository, OutboxSignal } from '@app/persistence';
import { assertMayCommission } from '../auth/organisation-access';
import type { Principal } from '../auth/principal';
import type { MatchingWeightsDto } from './dto/matching-weights.dto';

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
    return view(allianceId, found.weights, found.steers);
  }

  /**
   * What the weights would change before they are saved: of the alliance's current shortlists (its
   * 200 most recent shortlisted referrals), how many would have another vacancy first.
   */
  async preview(principal: Principal, allianceId: string, dto: MatchingWeightsDto) {
    assertMayCommission(principal, allianceId);
    const proposed = weightsOf(dto);
    assertValidWeights(proposed);
    const found = await this.organisations.findMatchingWeights(allianceId);
    if (!found) throw DomainError.notFound('Alliance');
    const shortlists = await this.organisations.currentShortlists(allianceId, PREVIEW_SAMPLE);
    return {
      allianceId,
      ...previewWeights(shortlists, found.weights ?? DEFAULT_WEIGHTS, proposed),
      costCannotOutweighNeedsAndProximity: costCannotOutweighNeedsAndProximity(proposed),
    };
  }

  /**
   * Sets the alliance's weights and re-matches every referral of its LAs that awaits placement,
   * so shortlists follow the new weights within seconds.
   */
  async set(principal: Principal, allianceId: string, dto: MatchingWeightsDto) {
    assertMayCommission(principal, allianceId);
    const weights = weightsOf(dto);
    assertValidWeights(weights);
    const updated = await this.organisations.setMatchingWeights(allianceId, weights);
    if (!updated) throw DomainError.notFound('Alliance');
    this.outbox.signal();
    return { ...view(allianceId, weights, updated.steers), rematched: updated.rematched };
  }
}

/** The shortlists a preview re-ranks: the alliance's most recent. */
const PREVIEW_SAMPLE = 200;

const weightsOf = (dto: MatchingWeightsDto) => Object.fromEntries(WEIGHT_KEYS.map((key) => [key, dto[key]])) as unknown as MatchingWeights;

function view(allianceId: string, weights: MatchingWeights | null, steers: string[]) {
  const effective = weights ?? DEFAULT_WEIGHTS;
  return {
    allianceId,
    ...effective,
    steersLocalAuthorityCodes: steers,
    /** True while the alliance uses the platform's default weights. */
    isDefault: weights === null,
    /**
     * False when cost carries enough weight that a cheaper vacancy could outrank one that fits the
     * child's needs or distance better: allowed, but the commissioner should know.
     */
    costCannotOutweighNeedsAndProximity: costCannotOutweighNeedsAndProximity(effective),
  };
}
