import { Injectable, Optional } from '@nestjs/common';
import { Environment } from '@app/config';
import {
  DEFAULT_EXCLUSION_LIMIT,
  DEFAULT_MATCH_LIMIT,
  DEFAULT_VACANCY_STALE_DAYS,
  DEFAULT_WEIGHTS,
  MatchReferral,
  MatchingWeights,
  rankVacancies,
  RankedMatch,
  type ReferralStatus,
  searchBox,
  shortlistRounds,
  shortlistSettled,
  VacancyExclusion,
} from '@app/domain';
import { CandidateSource, MatchingRepository, MatchRunResult, OutboxSignal } from '@app/persistence';
import { VacancyCache } from './vacancy-cache';

/** Nearest vacancies read per round when collecting exclusions. */
const NEAREST_PAGE = 400;

/**
 * Matching one referral: claim it, find the best shortlist with as few rows read as the scores
 * allow, collect the nearest exclusions, and store both, in one transaction (MatchingRepository).
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly repository: MatchingRepository,
    private readonly cache: VacancyCache,
    private readonly outbox: OutboxSignal,
    @Optional() private readonly env?: Environment,
  ) {}

  /**
   * From the process's vacancy index once it is loaded (brought up to date in the transaction),
   * from Postgres until then; both give exactly what ranking every open vacancy would.
   */
  async match(referralId: string, from: readonly ReferralStatus[]): Promise<MatchRunResult> {
    const result = await this.repository.run(
      referralId,
      from,
      async ({ referral, weights }, source) => {
        const effective = weights ?? DEFAULT_WEIGHTS;
        const index = await this.cache.fresh(source);
        if (index) return index.match(referral, effective, { limit: DEFAULT_MATCH_LIMIT, exclusionLimit: DEFAULT_EXCLUSION_LIMIT });
        const matches = await shortlist(referral, effective, source);
        const exclusions = await nearestExclusions(referral, effective, source);
        return { matches, exclusions };
      },
      // An emergency's shortlist alerts the providers it was sent to.
      true,
      this.env?.VACANCY_STALE_DAYS ?? DEFAULT_VACANCY_STALE_DAYS,
    );
    // An emergency's provider alerts are in the outbox: wake the relay rather than wait for its poll.
    if (result.outcome === 'matched' && result.alerts > 0) this.outbox.signal();
    return result;
  }

  markFailed(referralId: string, reason: string): Promise<boolean> {
    return this.repository.markFailed(referralId, reason);
  }
}

/**
 * From Postgres: the best eligible vacancies, up to 50, by the domain's search plan
 * (`shortlistRounds`): within 5 miles, then 10, 20, 40 and 80 (those inside the referral's maximum
 * distance), then that maximum or the whole country, stopping at the first round whose 50th place
 * already beats anything further away could score (`shortlistSettled`): in a city that is usually
 * an early one. The result is exactly what ranking every vacancy in the country would give.
 */
export async function shortlist(
  referral: MatchReferral,
  weights: MatchingWeights,
  source: CandidateSource,
): Promise<RankedMatch[]> {
  const limit = { limit: DEFAULT_MATCH_LIMIT, exclusionLimit: 0 };
  let matches: RankedMatch[] = [];
  for (const round of shortlistRounds(referral.maxDistanceMiles)) {
    matches = rankVacancies(referral, await source.candidates(searchBox(referral.child.home, round)), weights, limit).matches;
    if (shortlistSettled(round, matches, DEFAULT_MATCH_LIMIT, weights)) break;
  }
  return matches;
}

/**
 * Plane distance on the index over great-circle miles, at most, anywhere in England: longitude is
 * scaled by 0.61 where the true factor runs from 0.56 (Northumberland) to 0.65 (Cornwall).
 */
const PLANE_OVERSTATEMENT = 1.1;

/**
 * The nearest open vacancies that fail a hard constraint, with every reason, up to 200, exactly as
 * ranking every open vacancy would give them (nearest first, ties by vacancy id). Reads the nearest
 * open vacancies in growing pages until 200 are ruled out and the pages reach far enough past the
 * 200th that nothing unread could be as near (the index orders by an approximate distance).
 */
export async function nearestExclusions(
  referral: MatchReferral,
  weights: MatchingWeights,
  source: CandidateSource,
): Promise<VacancyExclusion[]> {
  // Each round re-reads from the nearest: paging with OFFSET could skip or repeat vacancies at
  // equal distances if one changes between rounds.
  let page = NEAREST_PAGE;
  for (;;) {
    const { vacancies, reachMiles } = await source.nearest(page);
    const { exclusions } = rankVacancies(referral, vacancies, weights, { limit: 0, exclusionLimit: DEFAULT_EXCLUSION_LIMIT });
    if (vacancies.length < page) return exclusions;
    if (exclusions.length >= DEFAULT_EXCLUSION_LIMIT) {
      // Shown distances are rounded to 0.1 mile, so ties reach 0.05 past the last one shown.
      const last = exclusions[exclusions.length - 1].distanceMiles + 0.05;
      if (reachMiles > last * PLANE_OVERSTATEMENT + 0.1) return exclusions;
    }
    page *= 2;
  }
}
