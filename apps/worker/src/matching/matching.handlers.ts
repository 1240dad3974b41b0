import { Injectable, Logger } from '@nestjs/common';
import { REMATCHABLE, MatchingRepository } from '@app/persistence';
import { HandlesJob, JOB_QUEUE, JobHandler, JobName, JobPayloads, jobOptions, Queues, rematchJobFor } from '@app/queue';
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

/** An emergency referral's first match, on the fast lane: the same claim and ranking as any other. */
@Injectable()
@JobHandler(JobName.MatchEmergency)
export class MatchEmergencyHandler implements HandlesJob<JobName.MatchEmergency> {
  constructor(private readonly matching: MatchingService) {}

  handle({ referralId }: JobPayloads[JobName.MatchEmergency]) {
    return this.matching.match(referralId, ['submitted', 'match_failed']);
  }

  async onFinalFailure({ referralId }: JobPayloads[JobName.MatchEmergency], error: Error): Promise<void> {
    await this.matching.markFailed(referralId, error.name);
  }
}

/** An emergency referral's re-match, on the fast lane. */
@Injectable()
@JobHandler(JobName.RematchEmergency)
export class RematchEmergencyHandler implements HandlesJob<JobName.RematchEmergency> {
  constructor(private readonly matching: MatchingService) {}

  handle({ referralId }: JobPayloads[JobName.RematchEmergency]) {
    return this.matching.match(referralId, REMATCHABLE);
  }

  async onFinalFailure({ referralId }: JobPayloads[JobName.RematchEmergency], error: Error): Promise<void> {
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
    const referrals = await this.repository.referralsAffectedBy(vacancyIds);
    if (referrals.length === 0) return { rematched: 0 };
    // Emergencies' re-matches go to the fast lane too.
    const byJob = new Map<ReturnType<typeof rematchJobFor>, string[]>();
    for (const { id, urgency } of referrals) {
      const job = rematchJobFor(urgency);
      byJob.set(job, [...(byJob.get(job) ?? []), id]);
    }
    await Promise.all(
      [...byJob].map(([name, referralIds]) =>
        this.queues
          .get(JOB_QUEUE[name])
          .addBulk(referralIds.map((referralId) => ({ name, data: { referralId }, opts: jobOptions(name, { referralId }) }))),
      ),
    );
    this.logger.debug({ vacancies: vacancyIds.length, referrals: referrals.length }, 're-matching referrals');
    return { rematched: referrals.length };
  }
}
