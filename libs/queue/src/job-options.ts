import type { JobsOptions } from 'bullmq';
import { JobName } from './job-catalogue';

/**
 * Attempts, backoff and retention for every job, in one table. Completed jobs are kept for a day so
 * that a re-publish with the same job id (an outbox relay crashing between publishing and marking
 * the row sent) is recognised as a duplicate rather than run again.
 */
export const JOB_OPTIONS: { readonly [J in JobName]: JobsOptions } = {
  [JobName.MatchReferral]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 100_000 },
    removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
  },
};
