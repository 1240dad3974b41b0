import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Queues, REDIS } from '@app/queue';

/** Whether Postgres, Redis and the queues answer, with the queues' job counts. */
@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: Queues,
  ) {}

  async check() {
    try {
      return await this.runChecks();
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Keep the contract's error body, naming what is down and carrying each check's result.
      const result = error.getResponse() as { error?: Record<string, unknown>; details?: Record<string, unknown> };
      const down = Object.keys(result.error ?? {});
      // A failed check says only that it is down and how long it took: its error text can name a
      // host, a port or a user.
      const checks = Object.fromEntries(
        Object.entries(result.details ?? {}).map(([name, check]) => {
          if (!(name in (result.error ?? {}))) return [name, check];
          const { responseTime } = check as { responseTime?: number };
          return [name, { status: 'down', responseTime: responseTime ?? 0 }];
        }),
      );
      throw new ServiceUnavailableException({ message: `Unhealthy: ${down.join(', ')} down`, checks });
    }
  }

  private runChecks() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1_000 }),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(1_000),
      () =>
        this.indicators
          .check('queues')
          .attempt(async () => {
            const counts: Record<string, Record<string, number>> = {};
            for (const [name, queue] of this.queues.all()) {
              // Match jobs wait prioritised (job-options.ts): both count as waiting.
              const { waiting, prioritized, ...rest } = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
              counts[name] = { waiting: waiting + prioritized, ...rest };
            }
            return counts;
          })
          .withTimeout(1_000),
    ]);
  }
}
