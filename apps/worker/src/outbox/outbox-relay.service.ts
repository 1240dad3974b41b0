import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from '@app/config';
import { OutboxRepository } from '@app/persistence';
import { OutboxRelay, QueueName, Queues } from '@app/queue';

/** Runs the outbox relay for the life of the worker process, for the queues the process serves. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly relay: OutboxRelay;

  constructor(outbox: OutboxRepository, queues: Queues, env: Environment) {
    this.relay = new OutboxRelay(outbox, queues.all(), {
      databaseUrl: env.DATABASE_URL,
      queues: env.WORKER_QUEUES as QueueName[],
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
