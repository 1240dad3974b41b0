import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@app/jobs';

/**
 * Marks a provider as the one handler of a job. The worker finds every handler at start-up and
 * refuses to start unless each job in the catalogue has exactly one.
 */
export const JobHandler = DiscoveryService.createDecorator<JobName>();

export interface HandlesJob<J extends JobName> {
  /** Runs the job. Must be safe to run twice: BullMQ delivers at least once. */
  handle(payload: JobPayloads[J], job: Job<JobPayloads[J]>): Promise<unknown>;
  /** Called once when the job has failed its last attempt, to leave the failure visible. */
  onFinalFailure?(payload: JobPayloads[J], error: Error): Promise<void>;
}
