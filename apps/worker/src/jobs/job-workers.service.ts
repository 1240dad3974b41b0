import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Environment } from '@app/config';
import { backoffStrategy, createRedisConnection, HandlesJob, JobHandler, QUEUE_CONCURRENCY } from '@app/queue';
import { JOB_QUEUE, JobName, QueueName } from '@app/jobs';

type AnyHandler = HandlesJob<JobName>;

/**
 * The job catalogue's handlers, checked at start-up: every job must have exactly one, or the worker
 * does not start (a job with no handler would sit in Redis unprocessed; two would race).
 */
export function collectHandlers(found: { job: JobName | undefined; instance: unknown; name: string }[]): Map<JobName, AnyHandler> {
  const byJob = new Map<JobName, { instance: AnyHandler; name: string }[]>();
  for (const { job, instance, name } of found) {
    if (job === undefined) continue;
    byJob.set(job, [...(byJob.get(job) ?? []), { instance: instance as AnyHandler, name }]);
  }
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const handlers = byJob.get(job) ?? [];
    if (handlers.length === 0) problems.push(`job '${job}' has no handler`);
    if (handlers.length > 1) problems.push(`job '${job}' has ${handlers.length} handlers (${handlers.map((h) => h.name).join(', ')})`);
  }
  for (const job of byJob.keys()) {
    if (!(Object.values(JobName) as string[]).includes(job)) problems.push(`a handler names unknown job '${job}'`);
  }
  if (problems.length > 0) throw new Error(`Job handlers do not match the catalogue: ${problems.join('; ')}`);
  return new Map([...byJob].map(([job, [handler]]) => [job, handler.instance]));
}

/**
 * One BullMQ worker per queue, each on its own Redis connection, dispatching jobs by name to their
 * handlers. Several worker processes can run side by side: BullMQ hands each job to one of them,
 * and a job whose worker dies is handed to another once its lock (JOB_LOCK_MS) lapses.
 * On shutdown each worker stops taking jobs and waits for the ones it is running.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkers.name);
  private readonly workers: { worker: Worker; connection: Redis }[] = [];
  private handlers = new Map<JobName, AnyHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = collectHandlers(
      this.discovery.getProviders({ metadataKey: JobHandler.KEY }).map((wrapper) => ({
        job: this.discovery.getMetadataByDecorator(JobHandler, wrapper),
        instance: wrapper.instance,
        name: wrapper.name,
      })),
    );
    // Every handler is checked whichever queues this process serves; it serves WORKER_QUEUES.
    const queues = new Set([...this.handlers.keys()].map((job) => JOB_QUEUE[job]));
    for (const queue of queues) if (this.env.WORKER_QUEUES.includes(queue)) this.start(queue);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map(({ worker }) => worker.close()));
    for (const { connection } of this.workers) connection.disconnect();
  }

  private start(queue: QueueName): void {
    // Each queue's own (QUEUE_CONCURRENCY): the fast lane's capacity is reserved, never taken by routine jobs.
    const concurrency = this.env[QUEUE_CONCURRENCY[queue]];
    const connection = createRedisConnection(this.env.REDIS_URL, { connectionName: `worker:${queue}` });
    const worker = new Worker(queue, (job) => this.process(job), {
      connection,
      prefix: this.env.QUEUE_PREFIX,
      concurrency,
      lockDuration: this.env.JOB_LOCK_MS,
      stalledInterval: this.env.JOB_LOCK_MS,
      // A job whose worker died is retried twice more before it is failed as stalled.
      maxStalledCount: 2,
      // The matching jobs' capped exponential backoff (job-options.ts).
      settings: { backoffStrategy },
    });
    worker.on('error', (error) => this.logger.warn(`worker ${queue}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (job) void this.failed(job, error);
    });
    this.workers.push({ worker, connection });
    this.logger.log(`processing queue ${queue} with concurrency ${concurrency}`);
  }

  private async process(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new UnrecoverableError(`no handler for job '${job.name}'`);
    return handler.handle(job.data, job);
  }

  /**
   * Every failure, from the handler or from BullMQ giving up on a job that stalled too often:
   * logged by class (messages can quote data), and when it was the last attempt the handler is
   * told, so the failure shows where users look (a referral says match_failed).
   */
  async failed(job: Job, error: Error): Promise<void> {
    const final = job.finishedOn !== undefined;
    this.logger.warn(
      { job: job.name, jobId: job.id, attempt: job.attemptsMade, error: error.name },
      final ? 'job failed for good' : 'job failed; will retry',
    );
    if (!final) return;
    const handler = this.handlers.get(job.name as JobName);
    try {
      await handler?.onFinalFailure?.(job.data, error);
    } catch (markError) {
      // Postgres may be down too; the job stays failed on the dashboard either way.
      this.logger.error({ job: job.name, jobId: job.id, error: (markError as Error).name }, 'could not record a failed job');
    }
  }
}
