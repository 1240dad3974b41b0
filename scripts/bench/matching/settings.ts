/** What bench:matching measures and how much, from the environment (see matching.ts). */
import { type ReferralStatus } from '@app/domain';
import { listFromEnv, numberFromEnv } from '../support/env-settings';

export const AIMS = { p99Ms: 10, naiveRatio: 10, growth: 3, referralsPerSecond: 300 };

export const settings = {
  sizes: listFromEnv('BENCH_SIZES', [5_000, 50_000, 500_000], { min: 100, max: 5_000_000 }),
  runs: numberFromEnv('BENCH_RUNS', 400, { min: 1, max: 100_000 }),
  runBudget: numberFromEnv('BENCH_RUN_BUDGET', 60, { min: 1, max: 86_400 }),
  warmup: numberFromEnv('BENCH_WARMUP', 50, { min: 0, max: 100_000 }),
  breakdownRuns: numberFromEnv('BENCH_BREAKDOWN_RUNS', 100, { min: 0, max: 100_000 }),
  referrals: numberFromEnv('BENCH_REFERRALS', 200, { min: 1, max: 100_000 }),
  naiveRuns: numberFromEnv('BENCH_NAIVE_RUNS', 20, { min: 0, max: 10_000 }),
  naiveRunsLarge: numberFromEnv('BENCH_NAIVE_RUNS_LARGE', 3, { min: 0, max: 10_000 }),
  headlineSize: numberFromEnv('BENCH_HEADLINE_SIZE', 50_000, { min: 100, max: 5_000_000 }),
  e2e: process.env.BENCH_E2E !== '0',
  e2eReferrals: numberFromEnv('BENCH_E2E_REFERRALS', 2_000, { min: 1, max: 1_000_000 }),
  noopJobs: numberFromEnv('BENCH_NOOP_JOBS', 20_000, { min: 1, max: 10_000_000 }),
  concurrency: numberFromEnv('BENCH_WORKER_CONCURRENCY', 4, { min: 1, max: 64 }),
  e2eTimeout: numberFromEnv('BENCH_E2E_TIMEOUT', 120, { min: 1, max: 3_600 }),
  seed: numberFromEnv('BENCH_SEED', 1, { min: 0, max: 2 ** 31 }),
  deadline: numberFromEnv('BENCH_DEADLINE', 1_200, { min: 60, max: 86_400 }),
};
/** Runs that always happen, whatever the time budget. */
export const MIN_RUNS = 10;
/** Sizes above this get BENCH_NAIVE_RUNS_LARGE naive runs. */
export const LARGE = 100_000;
/** The statuses the in-process runs match from, so one referral can be matched again and again. */
export const FROM: readonly ReferralStatus[] = ['submitted', 'shortlisted', 'no_match'];
export const LOAD_CHUNK = 20_000;
