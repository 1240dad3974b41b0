import type { JobsOptions } from 'bullmq';
import type { Environment } from '@app/config';
import { JobName, type JobPayloads, QueueName } from '@app/jobs';

/** The backoff the matching jobs use: doubling from `delay`, never longer than MATCH_BACKOFF_CAP_MS. */
const CAPPED_EXPONENTIAL = 'capped-exponential';
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
const JOB_DEDUPLICATION: { readonly [J in JobName]?: (payload: JobPayloads[J]) => DeduplicationOptions } = {
  [JobName.RematchReferral]: ({ referralId }) => ({ id: `rematch-${referralId}`, keepLastIfActive: true }),
  [JobName.RematchEmergency]: ({ referralId }) => ({ id: `rematch-${referralId}`, keepLastIfActive: true }),
};

/** The options to add a job with: its table entry and, where it collapses, its deduplication key. */
export function jobOptions<J extends JobName>(name: J, payload: JobPayloads[J], extra: JobsOptions = {}): JobsOptions {
  const dedupe = JOB_DEDUPLICATION[name] as ((payload: JobPayloads[J]) => DeduplicationOptions) | undefined;
  return { ...JOB_OPTIONS[name], ...(dedupe ? { deduplication: dedupe(payload) } : {}), ...extra };
}

/**
 * Each queue's concurrency in one worker process, by the setting that gives it. The fast lane has
 * its own, so its capacity is reserved and never taken by routine jobs.
 */
export const QUEUE_CONCURRENCY = {
  [QueueName.Matching]: 'WORKER_CONCURRENCY',
  [QueueName.Emergency]: 'EMERGENCY_CONCURRENCY',
  [QueueName.Notifications]: 'NOTIFY_CONCURRENCY',
} as const satisfies { readonly [Q in QueueName]: keyof Environment };

export interface ScheduleRepeat {
  pattern?: string;
  tz?: string;
  every?: number;
}

/** A BullMQ job scheduler the platform keeps: one per id, however many workers make sure of it. */
export interface JobSchedule extends ScheduleRepeat {
  id: string;
  job: JobName;
  /** Instead of a fixed `every`, the setting that gives the interval. */
  everySetting?: 'SWEEP_INTERVAL_MS';
}

/** The lost-job sweeper (lost-job-sweeper.ts), every SWEEP_INTERVAL_MS, ahead of any backlog (no priority). */
export const SWEEP_SCHEDULE = { id: 'lost-job-sweeper', job: JobName.SweepLostJobs, everySetting: 'SWEEP_INTERVAL_MS' } as const satisfies JobSchedule;

/** The nightly supply snapshot: five to midnight in England, the day's supply as it ends. */
export const SNAPSHOT_SCHEDULE = {
  id: 'supply-snapshot-daily',
  job: JobName.SnapshotSupply,
  pattern: '0 55 23 * * *',
  tz: 'Europe/London',
} as const satisfies JobSchedule;

/** Every minute: a month marked stale is read from the raw tables until then, so figures are exact either way. */
export const ROLLUP_SCHEDULE = { id: 'sufficiency-rollup-rebuild', job: JobName.RebuildSufficiency, every: 60_000 } as const satisfies JobSchedule;

/** Just after midnight in England, when vacancies available from the new day become matchable. */
const DAY_TURN_SCHEDULE = { id: 'day-turn-daily', job: JobName.TurnDay, pattern: '0 1 0 * * *', tz: 'Europe/London' } as const satisfies JobSchedule;

/** Every hour too, so a day whose midnight run was missed (every worker down, Redis lost) is caught up within the hour. */
const DAY_TURN_CATCH_UP = { id: 'day-turn-hourly', job: JobName.TurnDay, pattern: '0 17 * * * *', tz: 'Europe/London' } as const satisfies JobSchedule;

/** Every scheduler; each worker makes sure of those on the queues it serves (the worker's JobSchedules). */
export const JOB_SCHEDULES: readonly JobSchedule[] = [SWEEP_SCHEDULE, SNAPSHOT_SCHEDULE, ROLLUP_SCHEDULE, DAY_TURN_SCHEDULE, DAY_TURN_CATCH_UP];

/** When the scheduler runs, its interval read from the settings where a setting gives it. */
export function repeatOf(schedule: JobSchedule, env: Pick<Environment, 'SWEEP_INTERVAL_MS'>): ScheduleRepeat {
  const every = schedule.everySetting ? env[schedule.everySetting] : schedule.every;
  return { ...(schedule.pattern ? { pattern: schedule.pattern, tz: schedule.tz } : {}), ...(every !== undefined ? { every } : {}) };
}
