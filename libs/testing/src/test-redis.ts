import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { currentTestRun, runRedisPrefix } from './test-settings';

/**
 * A key prefix of its own for the calling test file: `test-<runid>-<random>`. Use it as the BullMQ
 * `prefix` (or in front of any key), then `deleteRedisKeys(redis, prefix)` in afterAll; whatever a
 * crashed file leaves behind, globalTeardown deletes by the run prefix.
 */
export function testRedisPrefix(): string {
  return `${runRedisPrefix(currentTestRun().runId)}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key that starts with `prefix`; returns how many there were. */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) deleted += await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}
