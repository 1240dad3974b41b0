import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '@app/config';
import { OutboxRepository } from '@app/persistence';
import { OutboxRelay, Queues } from '@app/queue';
import { QueueName } from '@app/jobs';
import { JobSchedules } from '../jobs/job-schedules.service';

/**
 * Runs the outbox relay for the life of the worker process, for the queues the process serves. Its
 * loop also checks, every SWEEP_INTERVAL_MS, that the job schedulers (the lost-job sweeper's among
 * them) are still in Redis, so a Redis that lost its data has them back within one interval.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly relay: OutboxRelay;

  constructor(outbox: OutboxRepository, queues: Queues, env: Environment, schedules: JobSchedules) {
    this.relay = new OutboxRelay(outbox, queues.all(), {
      databaseUrl: env.DATABASE_URL,
      queues: env.WORKER_QUEUES as QueueName[],
      periodic: { everyMs: env.SWEEP_INTERVAL_MS, run: () => schedules.ensure() },
      onError: (error) =>
        this.logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'outbox relay retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    this.logger.log('outbox relay started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
