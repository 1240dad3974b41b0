import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/**
 * One hit, atomically: counts it in a window of `ttl` ms that starts at the first hit, and once the
 * count passes the limit, blocks for `blockDuration` ms (and restarts the window when the block
 * ends, as @nestjs/throttler's own storage does). A blocked hit is not counted. With a block of 0,
 * a hit over the limit is refused without being counted, until the window ends.
 * Answers [hits, window ms left, blocked (0|1), block ms left].
 */
const HIT_SCRIPT = `
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local blockDuration = tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local stored = redis.call('GET', KEYS[1])
  local hits = stored and tonumber(stored) or (limit + 1)
  return {hits, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockLeft}
end
if blockDuration <= 0 then
  local stored = redis.call('GET', KEYS[1])
  local hits = stored and tonumber(stored) or 0
  if hits >= limit then
    local left = math.max(redis.call('PTTL', KEYS[1]), 0)
    return {hits + 1, left, 1, left}
  end
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 or redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
if blockDuration > 0 and hits > limit then
  redis.call('SET', KEYS[2], '1', 'PX', blockDuration)
  redis.call('PEXPIRE', KEYS[1], blockDuration)
  return {hits, blockDuration, 1, blockDuration}
end
return {hits, math.max(redis.call('PTTL', KEYS[1]), 0), 0, 0}
`;

const COMMAND = 'throttleHit';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How long a login waits for Redis before it is let through unthrottled. */
export const THROTTLE_STORE_TIMEOUT_MS = 500;

type WithHitCommand = Redis & {
  [COMMAND](hitsKey: string, blockKey: string, ttl: number, limit: number, blockDuration: number): Promise<number[]>;
};

/**
 * Throttling counters in Redis, so that every api instance counts the same attempts. Keys live
 * under `${prefix}:throttle:`; the guard's key is already a sha256 of the route, the throttler's
 * name and the tracker, so no address or email is stored in clear.
 *
 * Times are answered in whole seconds, rounded up, as @nestjs/throttler's in-memory storage does
 * (the guard writes them into Retry-After as they are); an unblocked hit's block time is 0.
 *
 * When Redis does not answer, the hit is let through and a warning logged: refusing every login
 * during a Redis outage would lock everyone out, while argon2's cost per attempt still bounds how
 * fast one client can guess.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RedisThrottlerStorage');
  private readonly redis: WithHitCommand;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly timeoutMs = THROTTLE_STORE_TIMEOUT_MS,
  ) {
    // Defined once per connection: ioredis runs it by EVALSHA and reloads it if Redis lost it.
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: HIT_SCRIPT });
    this.redis = redis as WithHitCommand;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:{${key}}`;
    try {
      const [totalHits, windowLeft, blocked, blockLeft] = await this.withinTimeout(
        this.redis[COMMAND](`${base}:hits`, `${base}:block`, ttl, limit, blockDuration),
      );
      return {
        totalHits,
        timeToExpire: toSeconds(windowLeft),
        isBlocked: blocked === 1,
        timeToBlockExpire: blocked === 1 ? toSeconds(blockLeft) : 0,
      };
    } catch (error) {
      // Neither the key nor the error's message: the key derives from an address or an email.
      const { name, code } = error as { name?: string; code?: string };
      this.logger.warn({ throttler: throttlerName, err: { name, code } }, 'throttle store unavailable: attempt let through');
      return { totalHits: 0, timeToExpire: toSeconds(ttl), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  private withinTimeout<T>(answer: Promise<T>): Promise<T> {
    return withinTimeout(answer, this.timeoutMs);
  }
}

/** The answer, or an ETIMEDOUT error once `timeoutMs` has passed without one. */
export async function withinTimeout<T>(answer: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('throttle store timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
  });
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const toSeconds = (milliseconds: number) => Math.ceil(milliseconds / 1000);
