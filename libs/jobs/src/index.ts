export { QueueName, QUEUE_NAMES, isQueueName, JobName, JOB_QUEUE, isJobName, outboxJobId, matchJobFor, rematchJobFor } from './job-catalogue';
export type { JobPayloads, JobPayload, OutboxJob } from './job-catalogue';
