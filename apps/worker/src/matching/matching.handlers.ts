import { Injectable, Logger } from '@nestjs/common';
import { REMATCHABLE, type ReferralStatus } from '@app/domain';
import { VacancyFeedRepository } from '@app/persistence';
import { HandlesJob, JobHandler, Queues } from '@app/queue';
import { JobName, JobPayloads } from '@app/jobs';
import { MatchingService } from './matching.service';
import { queueRematches } from './rematch-fan-out';

type MatchJob = JobName.MatchReferral | JobName.RematchReferral | JobName.MatchEmergency | JobName.RematchEmergency;

/**
 * Matching one referral, whichever lane the job came by: claim it from `from`, rank, store. After
 * the last attempt the referral says `match_failed`.
 */
@Injectable()
abstract class MatchReferralJob<J extends MatchJob> implements HandlesJob<J> {
  protected abstract readonly from: readonly ReferralStatus[];

  constructor(private readonly matching: MatchingService) {}

  handle({ referralId }: JobPayloads[J]) {
    return this.matching.match(referralId, this.from);
  }

  async onFinalFailure({ referralId }: JobPayloads[J], error: Error): Promise<void> {
    await this.matching.markFailed(referralId, error.name);
  }
}

/** A first match claims only a `submitted` referral (or one whose matching failed), so a redelivered job finds it matched and does nothing. */
const FIRST_MATCH: readonly ReferralStatus[] = ['submitted', 'match_failed'];

/** A new referral's first match. */
@Injectable()
@JobHandler(JobName.MatchReferral)
export class MatchReferralHandler extends MatchReferralJob<JobName.MatchReferral> {
  protected readonly from = FIRST_MATCH;
}

/** An emergency referral's first match, on the fast lane: the same claim and ranking as any other. */
@Injectable()
@JobHandler(JobName.MatchEmergency)
export class MatchEmergencyHandler extends MatchReferralJob<JobName.MatchEmergency> {
  protected readonly from = FIRST_MATCH;
}

/** Recomputes the shortlist of a referral still awaiting placement; running it twice is harmless. */
@Injectable()
@JobHandler(JobName.RematchReferral)
export class RematchReferralHandler extends MatchReferralJob<JobName.RematchReferral> {
  protected readonly from = REMATCHABLE;
}

/** An emergency referral's re-match, on the fast lane. */
@Injectable()
@JobHandler(JobName.RematchEmergency)
export class RematchEmergencyHandler extends MatchReferralJob<JobName.RematchEmergency> {
  protected readonly from = REMATCHABLE;
}

/**
 * Fans a vacancy change out to the referrals it could re-rank: one re-match job per referral,
 * collapsed per referral by BullMQ deduplication, so a burst of changes costs one re-match each.
 * Emergencies' re-matches go to the fast lane.
 */
@Injectable()
@JobHandler(JobName.VacanciesChanged)
export class VacanciesChangedHandler implements HandlesJob<JobName.VacanciesChanged> {
  private readonly logger = new Logger(VacanciesChangedHandler.name);

  constructor(
    private readonly repository: VacancyFeedRepository,
    private readonly queues: Queues,
  ) {}

  async handle({ vacancyIds }: JobPayloads[JobName.VacanciesChanged]) {
    const referrals = await this.repository.referralsAffectedBy(vacancyIds);
    if (referrals.length === 0) return { rematched: 0 };
    await queueRematches(this.queues, referrals);
    this.logger.debug({ vacancies: vacancyIds.length, referrals: referrals.length }, 're-matching referrals');
    return { rematched: referrals.length };
  }
}
