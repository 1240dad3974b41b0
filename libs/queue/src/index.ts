export { QueueName, JobName, JOB_QUEUE, isJobName, outboxJobId, matchJobFor, rematchJobFor, outboxJob } from './job-catalogue';
export type { JobPayloads, JobPayload, OutboxJob } from './job-catalogue';
export { JOB_OPTIONS, JOB_DEDUPLICATION, jobOptions } from './job-options';
export { createRedisConnection, readMaxmemoryPolicy, assertNoEviction } from './redis-connection';
export { OutboxRelay } from './outbox-relay';
export type { OutboxRelayOptions } from './outbox-relay';
export { QueueModule, Queues, REDIS } from './queue.module';
export { JobHandler } from './job-handler';
export type { HandlesJob } from './job-handler';
