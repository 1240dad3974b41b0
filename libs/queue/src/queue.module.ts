import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Environment } from '@app/config';
import { QueueName } from '@app/jobs';
import { createRedisConnection } from './redis-connection';

export const REDIS = Symbol('REDIS');

const QUEUE_TOKENS = Object.values(QueueName).map((name) => [getQueueToken(name), name] as const);

/**
 * Producer-side handles on every queue, sharing one connection. Commands fail fast while Redis is
 * down (no offline queue), so the outbox relay and health checks notice at once instead of hanging.
 */
@Injectable()
export class Queues implements OnApplicationShutdown {
  private readonly logger = new Logger(Queues.name);
  private readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    env: Environment,
  ) {
    this.queues = new Map(
      Object.values(QueueName).map((name) => {
        const queue = new Queue(name, { connection: redis, prefix: env.QUEUE_PREFIX });
        // Reconnect errors during a Redis outage: health reports it; one line each is enough.
        queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
        return [name, queue];
      }),
    );
  }

  get(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }

  all(): ReadonlyMap<QueueName, Queue> {
    return this.queues;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.redis.disconnect();
  }
}

@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      providers: [
        {
          provide: REDIS,
          inject: [Environment],
          useFactory: (env: Environment) =>
            createRedisConnection(env.REDIS_URL, { enableOfflineQueue: false, connectionName: 'producer' }),
        },
        Queues,
        // Each queue under the token @nestjs/bullmq uses, for the dashboard and other Nest libraries.
        ...QUEUE_TOKENS.map(([token, name]) => ({ provide: token, inject: [Queues], useFactory: (queues: Queues) => queues.get(name) })),
      ],
      exports: [REDIS, Queues, ...QUEUE_TOKENS.map(([token]) => token)],
    };
  }
}
