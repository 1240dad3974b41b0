import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Queues, REDIS } from '@app/queue';
import { Public } from '../auth/auth.decorators';
import { HealthErrorResponse, HealthResponse } from './dto/health.response';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: Queues,
  ) {}

  @Public()
  @Get()
  // Documented below: terminus' own schema is not what this route answers.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: '200 when Postgres and Redis answer, 503 otherwise' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiServiceUnavailableResponse({ type: HealthErrorResponse, description: 'Postgres or Redis does not answer: `message` names which' })
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
