import { Redis } from 'ioredis';
import { deleteRedisKeys as deleteKeysUnder } from '@app/testing';

/** Deletes every Redis key that starts with `prefix`; returns how many there were. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  if (prefix.length < 8) throw new Error(`refusing to delete keys under the short prefix "${prefix}"`);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5_000 });
  await redis.connect();
  try {
    return await deleteKeysUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
