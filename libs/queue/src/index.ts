export {
  JOB_OPTIONS,
  JOB_DEDUPLICATION,
  jobOptions,
  backoffStrategy,
  CAPPED_EXPONENTIAL,
  MATCH_BACKOFF_CAP_MS,
  QUEUE_CONCURRENCY,
  JOB_SCHEDULES,
  SWEEP_SCHEDULE,
  SNAPSHOT_SCHEDULE,
  ROLLUP_SCHEDULE,
  DAY_TURN_SCHEDULE,
  DAY_TURN_CATCH_UP,
  repeatOf,
} from './job-options';
export type { JobSchedule, ScheduleRepeat } from './job-options';
export { ensureJobScheduler } from './job-schedulers';
export { LostJobSweeper } from './lost-job-sweeper';
export type { LostJobSweeperOptions, SweepResult } from './lost-job-sweeper';
export { createRedisConnection, readMaxmemoryPolicy, assertNoEviction } from './redis-connection';
export { OutboxRelay } from './outbox-relay';
export type { OutboxRelayOptions } from './outbox-relay';
export { QueueModule, Queues, REDIS } from './queue.module';
export { JobHandler } from './job-handler';
export type { HandlesJob } from './job-handler';
