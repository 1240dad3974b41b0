import { Client } from 'pg';
import { Redis } from 'ioredis';
import { createTestDatabase } from './test-database';
import { deleteRedisKeys, testRedisPrefix } from './test-redis';
import { startRedisServer } from './redis-server';
import { currentTestRun, resolveTestSettings } from './test-settings';

/** The helpers every integration and e2e test leans on. */
describe('test helpers', () => {
  it('clones a migrated database with reference data, and drops it', async () => {
    const database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM local_authorities`);
      expect(rows[0].n).toBe(153);
    } finally {
      await client.end();
    }
    await database.drop();
    await database.drop(); // harmless twice

    const admin = new Client({ connectionString: currentTestRun().adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database.name]);
      expect(rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });

  it('deletes exactly the keys under a prefix', async () => {
    const redis = new Redis(resolveTestSettings().redisUrl);
    const [mine, other] = [testRedisPrefix(), testRedisPrefix()];
    try {
      await redis.mset(`${mine}:a`, '1', `${mine}:b:c`, '2', `${other}:a`, '3');
      expect(await deleteRedisKeys(redis, mine)).toBe(2);
      expect(await redis.exists(`${mine}:a`, `${mine}:b:c`, `${other}:a`)).toBe(1);
    } finally {
      await deleteRedisKeys(redis, other);
      redis.disconnect();
    }
  });

  it('stops a redis-server and starts it again on the same port, empty', async () => {
    const server = await startRedisServer();
    const redis = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => 100, lazyConnect: true });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.set('k', 'v');
      expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);

      await server.stop();
      expect(server.running).toBe(false);
      await expect(redis.get('k')).rejects.toThrow();

      await server.start();
      expect(server.running).toBe(true);
      await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', resolve)));
      expect(await redis.get('k')).toBeNull();
    } finally {
      redis.disconnect();
      await server.stop();
      await server.stop(); // harmless twice
    }
  });
});
