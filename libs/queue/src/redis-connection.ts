import { Redis, RedisOptions } from 'ioredis';

/**
 * A connection as BullMQ needs it: commands wait through a Redis outage (no per-request retry
 * limit) instead of failing, and reconnects back off up to two seconds.
 */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...options,
  });
}

/** Reads the eviction policy from INFO (works where CONFIG is disabled, as on managed Redis). */
async function readMaxmemoryPolicy(redis: Redis): Promise<string | undefined> {
  const info = await redis.info('memory');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}

/** BullMQ loses jobs if Redis may evict keys; refuse to run on such a server. */
export async function assertNoEviction(redis: Redis): Promise<void> {
  const policy = await readMaxmemoryPolicy(redis);
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is '${policy ?? 'unknown'}'; the worker needs 'noeviction' so that queued jobs are never evicted`,
    );
  }
}
