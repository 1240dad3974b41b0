import type { JobsOptions } from 'bullmq';
import { JobName, type JobPayloads } from '@app/jobs';

/** The backoff the matching jobs use: doubling from `delay`, never longer than MATCH_BACKOFF_CAP_MS. */
export const CAPPED_EXPONENTIAL = 'capped-exponential';
export const MATCH_BACKOFF_CAP_MS = 120_000;

/**
 * The custom backoff given to every worker (job-workers.service.ts); BullMQ asks it only for types
 * that are not its own (`fixed`, `exponential`), and `capped-exponential` is the only one we use.
 */
export function backoffStrategy(attemptsMade: number, _type?: string, _error?: Error, job?: { opts: JobsOptions }): number {
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'object' && backoff.delay !== undefined ? backoff.delay : 1_000;
  return Math.min(base * 2 ** Math.max(attemptsMade - 1, 0), MATCH_BACKOFF_CAP_MS);
}

/**
 * Attempts, backoff and retention for every job, in one table. Completed jobs are kept for a day so
 * that a re-publish with the same job id (an outbox relay crashing between publishing and marking
 * the row sent, or the sweeper) is recognised as a duplicate rather than run again.
 *
 * Retries outlast a Postgres failover or a several-minute outage: 1, 2, 4 … 64 s, then every 2
 * minutes, 12 attempts over about 10 minutes. What still runs out is found by the sweeper
 * (lost-job-sweeper.ts), which retries it every few minutes.
 */
const MATCHING: JobsOptions = {
  attempts: 12,
  backoff: { type: CAPPED_EXPONENTIAL, delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
};

/**
 * An emergency retries sooner and never gives up early: a child is waiting tonight. Every 2 s for
 * 10 minutes (300 attempts), so it is matched within 2 s of Postgres coming back.
 */
const EMERGENCY: JobsOptions = { ...MATCHING, attempts: 300, backoff: { type: 'fixed', delay: 2_000 } };

/** The sweeper: one run at a time per interval; a failed run is simply the next one's work. */
const SWEEP: JobsOptions = { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } };

/**
 * A provider that is down gets its alert when it is back: retries double from 5 s for 16 attempts,
 * about 90 hours in all. The alert is listed at GET /provider/notifications meanwhile.
 */
const NOTIFY: JobsOptions = {
  attempts: 16,
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.2 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
};

/**
 * Order on the routine queue: BullMQ serves jobs without a priority before prioritised ones, and
 * lower numbers first. A vacancy change's fan-out goes first, because it is cheap and may re-match
 * an emergency on the fast lane; then first matches; re-matches last, so a weights change for a
 * whole alliance never holds up a new referral.
 */
const FIRST_MATCH_PRIORITY = 1;
const REMATCH_PRIORITY = 2;
/** Rebuilding rollups only makes reports faster (a stale month reads raw): after every match. */
const ROLLUP_PRIORITY = 100;

export const JOB_OPTIONS: { readonly [J in JobName]: JobsOptions } = {
  [JobName.MatchReferral]: { ...MATCHING, priority: FIRST_MATCH_PRIORITY },
  [JobName.RematchReferral]: { ...MATCHING, priority: REMATCH_PRIORITY },
  [JobName.VacanciesChanged]: MATCHING,
  [JobName.MatchEmergency]: EMERGENCY,
  [JobName.RematchEmergency]: EMERGENCY,
  [JobName.OpenStepDown]: EMERGENCY,
  [JobName.NotifyProvider]: NOTIFY,
  [JobName.SnapshotSupply]: MATCHING,
  [JobName.RebuildSufficiency]: { ...MATCHING, priority: ROLLUP_PRIORITY },
  [JobName.TurnDay]: MATCHING,
  // No priority: ahead of every first match and re-match, so a backlog never holds recovery up.
  [JobName.SweepLostJobs]: SWEEP,
};

type DeduplicationOptions = NonNullable<JobsOptions['deduplication']>;

/**
 * Jobs that collapse per key. A re-match waits at most once per referral: a second request while
 * one is waiting is dropped (BullMQ deduplication, no scan of the waiting list), and one that
 * arrives while a re-match is running is kept as the next run (`keepLastIfActive`), because the
 * running one may have read the vacancies before the change that asked for it.
 */
export const JOB_DEDUPLICATION: { readonly [J in JobName]?: (payload: JobPayloads[J]) => DeduplicationOptions } = {
  [JobName.RematchReferral]: ({ referralId }) => ({ id: `rematch-${referralId}`, keepLastIfActive: true }),
  [JobName.RematchEmergency]: ({ referralId }) => ({ id: `rematch-${referralId}`, keepLastIfActive: true }),
};

/** The options to add a job with: its table entry and, where it collapses, its deduplication key. */
export function jobOptions<J extends JobName>(name: J, payload: JobPayloads[J], extra: JobsOptions = {}): JobsOptions {
  const dedupe = JOB_DEDUPLICATION[name] as ((payload: JobPayloads[J]) => DeduplicationOptions) | undefined;
  return { ...JOB_OPTIONS[name], ...(dedupe ? { deduplication: dedupe(payload) } : {}), ...extra };
}
