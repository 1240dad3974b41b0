import { Injectable, Logger } from '@nestjs/common';
import { REMATCHABLE, MatchingRepository } from '@app/persistence';
import { HandlesJob, JOB_QUEUE, JobHandler, JobName, JobPayloads, jobOptions, Queues } from '@app/queue';
import { MatchingService } from './matching.service';

/**
 * A new referral's first match. Claims only a `submitted` referral (or one whose matching failed
 * and is retried by hand), so a redelivered job finds it matched and does nothing.
 */
@Injectable()
@JobHandler(JobName.MatchReferral)
export class MatchReferralHandler implements HandlesJob<JobName.MatchReferral> {
  constructor(private readonly matching: MatchingService) {}

  handle({ referralId }: JobPayloads[JobName.MatchReferral]) {
    return this.matching.match(referralId, ['submitted', 'match_failed']);
  }

  async onFinalFailure({ referralId }: JobPayloads[JobName.MatchReferral], error: Error): Promise<void> {
    await this.matching.markFailed(referralId, error.name);
  }
}

/** Recomputes the shortlist of a referral still awaiting placement; running it twice is harmless. */
@Injectable()
@JobHandler(JobName.RematchReferral)
export class RematchReferralHandler implements HandlesJob<JobName.RematchReferral> {
  constructor(private readonly matching: MatchingService) {}

  handle({ referralId }: JobPayloads[JobName.RematchReferral]) {
    return this.matching.match(referralId, REMATCHABLE);
  }

  async onFinalFailure({ referralId }: JobPayloads[JobName.RematchReferral], error: Error): Promise<void> {
    await this.matching.markFailed(referralId, error.name);
  }
}

/**
 * Fans a vacancy change out to the referrals it could re-rank: one re-match job per referral,
 * collapsed per referral by BullMQ deduplication, so a burst of changes costs one re-match each.
 */
@Injectable()
@JobHandler(JobName.VacanciesChanged)
export class VacanciesChangedHandler implements HandlesJob<JobName.VacanciesChanged> {
  private readonly logger = new Logger(VacanciesChangedHandler.name);

  constructor(
    private readonly repository: MatchingRepository,
    private readonly queues: Queues,
  ) {}

  async handle({ vacancyIds }: JobPayloads[JobName.VacanciesChanged]) {
    const referralIds = await this.repository.referralsAffectedBy(vacancyIds);
    if (referralIds.length === 0) return { rematched: 0 };
    const name = JobName.RematchReferral;
    await this.queues.get(JOB_QUEUE[name]).addBulk(
      referralIds.map((referralId) => ({ name, data: { referralId }, opts: jobOptions(name, { referralId }) })),
    );
    this.logger.debug({ vacancies: vacancyIds.length, referrals: referralIds.length }, 're-matching referrals');
    return { rematched: referralIds.length };
  }
}
