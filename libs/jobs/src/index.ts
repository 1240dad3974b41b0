export { QueueName, QUEUE_NAMES, JobName, JOB_QUEUE, isJobName, outboxJobId, matchJobFor, rematchJobFor } from './job-catalogue';
export type { JobPayloads } from './job-catalogue';
