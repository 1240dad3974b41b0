export {
  JOB_OPTIONS,
  jobOptions,
  backoffStrategy,
  QUEUE_CONCURRENCY,
  JOB_SCHEDULES,
  SWEEP_SCHEDULE,
  SNAPSHOT_SCHEDULE,
  ROLLUP_SCHEDULE,
  repeatOf,
} from './job-options';
export type { JobSchedule, ScheduleRepeat } from './job-options';
export { ensureJobScheduler } from './job-schedulers';
export { LostJobSweeper } from './lost-job-sweeper';
export type { LostJobSweeperOptions, SweepResult } from './lost-job-sweeper';
export { createRedisConnection, assertNoEviction } from './redis-connection';
export { OutboxRelay } from './outbox-relay';
export type { OutboxRelayOptions } from './outbox-relay';
export { QueueModule, Queues, REDIS } from './queue.module';
export { JobHandler } from './job-handler';
export type { HandlesJob } from './job-handler';
