/**
 * Every queue and job on the platform, and the payload each job carries. The outbox's writers (in
 * persistence, including the payloads built in SQL), the relay, the worker's handlers and the
 * scripts all type against this catalogue, so a renamed field is a compile error everywhere it is
 * written or read. It imports nothing, so every library can depend on it. Jobs carry ids, never
 * documents: a processor re-reads the database, which is the source of truth.
 */
export enum QueueName {
  /** Routine matching: first matches, re-matches and the vacancy changes that ask for them. */
  Matching = 'matching',
  /**
   * The fast lane: emergency referrals' matches and what follows an emergency placement. Served
   * by workers of its own, so no amount of routine work queued ahead can delay it.
   */
  Emergency = 'matching-emergency',
  /** Webhook deliveries to providers. */
  Notifications = 'notify-provider',
}

/** Every queue, in the order a worker serving all of them starts them. */
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);

export enum JobName {
  /** A new referral's first match; published from the intake outbox. */
  MatchReferral = 'match-referral',
  /** A referral's shortlist may be out of date: match it again. One waits per referral at most. */
  RematchReferral = 'rematch-referral',
  /** Vacancies were created, changed or withdrawn: find the open referrals they could re-rank. */
  VacanciesChanged = 'vacancies-changed',
  /** An emergency referral's first match, on the fast lane. */
  MatchEmergency = 'match-emergency',
  /** An emergency referral's shortlist may be out of date: match it again, on the fast lane. */
  RematchEmergency = 'rematch-emergency',
  /** An emergency placement was made: open its planned follow-on (step-down) referral, once. */
  OpenStepDown = 'open-step-down',
  /** POST one alert to a provider's webhook, signed, retried until it answers 2xx. */
  NotifyProvider = 'notify-provider',
  /** Record the day's open beds for sufficiency history; scheduled nightly, safe to repeat. */
  SnapshotSupply = 'snapshot-supply',
  /** Rebuild the sufficiency rollups of LA-months that writes have marked stale; scheduled, safe to repeat. */
  RebuildSufficiency = 'rebuild-sufficiency',
  /**
   * The day turned in England: re-match the referrals that vacancies available from today (or
   * turning stale today) could serve, and emergencies without a match. Scheduled, safe to repeat.
   */
  TurnDay = 'turn-day',
  /**
   * Find work Redis lost (a restart without persistence, a failover, FLUSHALL) or that ran out of
   * retries, and publish it again under its own job id; scheduled, safe to repeat.
   */
  SweepLostJobs = 'sweep-lost-jobs',
}

export interface JobPayloads {
  [JobName.MatchReferral]: { referralId: string };
  [JobName.RematchReferral]: { referralId: string };
  [JobName.VacanciesChanged]: { vacancyIds: string[] };
  [JobName.MatchEmergency]: { referralId: string };
  [JobName.RematchEmergency]: { referralId: string };
  [JobName.OpenStepDown]: { placementId: string };
  [JobName.NotifyProvider]: { notificationId: string };
  /** `day` defaults to today in England, when the job runs. */
  [JobName.SnapshotSupply]: { day?: string };
  [JobName.RebuildSufficiency]: Record<string, never>;
  /** `day` defaults to today in England, when the job runs. */
  [JobName.TurnDay]: { day?: string };
  [JobName.SweepLostJobs]: Record<string, never>;
}

/** Which queue each job travels on. */
export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  [JobName.MatchReferral]: QueueName.Matching,
  [JobName.RematchReferral]: QueueName.Matching,
  [JobName.VacanciesChanged]: QueueName.Matching,
  [JobName.MatchEmergency]: QueueName.Emergency,
  [JobName.RematchEmergency]: QueueName.Emergency,
  [JobName.OpenStepDown]: QueueName.Emergency,
  [JobName.NotifyProvider]: QueueName.Notifications,
  [JobName.SnapshotSupply]: QueueName.Matching,
  [JobName.RebuildSufficiency]: QueueName.Matching,
  [JobName.TurnDay]: QueueName.Matching,
  [JobName.SweepLostJobs]: QueueName.Matching,
};

/** A referral's first match and its re-matches: on the fast lane for an emergency. */
export function matchJobFor(urgency: string): JobName.MatchReferral | JobName.MatchEmergency {
  return urgency === 'emergency' ? JobName.MatchEmergency : JobName.MatchReferral;
}

export function rematchJobFor(urgency: string): JobName.RematchReferral | JobName.RematchEmergency {
  return urgency === 'emergency' ? JobName.RematchEmergency : JobName.RematchReferral;
}

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}

/** BullMQ refuses integer job ids and colons; outbox ids are integers, so they get a prefix. */
export function outboxJobId(outboxId: string | number): string {
  return `outbox-${outboxId}`;
}
