import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { Environment } from '@app/config';
import { REDIS } from '@app/queue';
import { RedisThrottlerStorage } from '../auth/redis-throttler.storage';
import type { Principal } from '../auth/principal';

const WINDOW_MS = 60_000;

/**
 * Fair intake: each LA may submit INTAKE_RATE_LIMIT routine referrals a minute, counted in Redis
 * so that every api instance shares the count, and is answered 429 with Retry-After over it, so a
 * runaway client cannot starve the other LAs. An emergency is never counted nor refused. If Redis
 * does not answer, the referral is taken: intake must not depend on Redis (RedisThrottlerStorage
 * lets the hit through after half a second).
 */
@Injectable()
export class IntakeRateGuard implements CanActivate {
  private readonly storage: RedisThrottlerStorage;
  private readonly limit: number;

  constructor(env: Environment, @Inject(REDIS) redis: Redis) {
    this.storage = new RedisThrottlerStorage(redis, env.QUEUE_PREFIX);
    this.limit = env.INTAKE_RATE_LIMIT;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    if ((request.body as { urgency?: unknown } | undefined)?.urgency === 'emergency') return true;
    const localAuthority = request.user?.localAuthorityCode;
    if (!localAuthority) return true;
    // A window of fixed length from the first referral: no block beyond it (blockDuration 0).
    const hit = await this.storage.increment(`la:${localAuthority}`, WINDOW_MS, this.limit, 0, 'intake');
    if (!hit.isBlocked) return true;
    const seconds = Math.max(1, hit.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new HttpException(
      `This local authority has sent ${this.limit} routine referrals this minute, the most allowed; try again in ${seconds} seconds (emergencies are always taken)`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
